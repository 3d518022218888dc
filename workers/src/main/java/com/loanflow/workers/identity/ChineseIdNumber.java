package com.loanflow.workers.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** Resident ID numbers (GB 11643-1999): 17 digits, then an ISO 7064 MOD 11-2 check character. */
public final class ChineseIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ChineseIdNumber() {
    }

    public static boolean isValid(String idNumber) {
        return idNumber != null && idNumber.matches("\\d{17}[\\dX]")
                && checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17)
                && birthDate(idNumber).isPresent();
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
