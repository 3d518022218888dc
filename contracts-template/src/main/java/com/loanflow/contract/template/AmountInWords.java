package com.loanflow.contract.template;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a CNY amount in Chinese capital numerals (大写), as banks require on contracts: 1000.00 → 壹仟元整,
 * 10005.07 → 壹万零伍元零柒分. Follows the PBOC payment-settlement rules: one 零 per run of zeros, 整 only after 元,
 * 零 between 元 and 分 when 角 is zero.
 */
public final class AmountInWords {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"仟", "佰", "拾", ""};
    private static final String[] GROUPS = {"亿", "万", ""};
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private AmountInWords() {
    }

    /** @throws IllegalArgumentException for negative amounts, 1 万亿 or more, or fractions of a fen */
    public static String of(BigDecimal amount) {
        if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount out of range for 大写: " + amount);
        }
        BigDecimal fen;
        try {
            fen = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount has fractions of a fen: " + amount, e);
        }
        long totalFen = fen.longValueExact();
        long yuan = totalFen / 100;
        int jiao = (int) (totalFen / 10 % 10);
        int fenDigit = (int) (totalFen % 10);

        StringBuilder words = new StringBuilder(yuanPart(yuan));
        if (yuan > 0 || (jiao == 0 && fenDigit == 0)) {
            words.append(yuan == 0 ? "零元" : "元");
        }
        if (jiao == 0 && fenDigit == 0) {
            return words.append('整').toString();
        }
        if (jiao > 0) {
            words.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            words.append('零');
        }
        if (fenDigit > 0) {
            words.append(DIGITS.charAt(fenDigit)).append('分');
        }
        return words.toString();
    }

    /** Integer yuan in groups of four digits (亿, 万, units); a pending zero is written only before a later digit. */
    private static String yuanPart(long yuan) {
        StringBuilder words = new StringBuilder();
        String digits = String.format("%012d", yuan);
        boolean pendingZero = false;
        for (int group = 0; group < GROUPS.length; group++) {
            boolean groupHasDigit = false;
            for (int place = 0; place < PLACES.length; place++) {
                int digit = digits.charAt(group * 4 + place) - '0';
                if (digit == 0) {
                    pendingZero = words.length() > 0;
                    continue;
                }
                if (pendingZero) {
                    words.append('零');
                    pendingZero = false;
                }
                words.append(DIGITS.charAt(digit)).append(PLACES[place]);
                groupHasDigit = true;
            }
            if (groupHasDigit) {
                words.append(GROUPS[group]);
                // A zero ending a group is not read before the next group's leading digit: 壹拾万壹仟.
                pendingZero = false;
            }
        }
        return words.toString();
    }
}
