package com.loanflow.workers.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.workers.identity.sandbox.SandboxIdentities;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseIdNumberTest {

    @Test
    void sandboxIdentitiesHaveValidCheckDigits() {
        assertThat(SandboxIdentities.ALL).allSatisfy(i -> assertThat(ChineseIdNumber.isValid(i.idNumber())).isTrue());
    }

    @Test
    void rejectsWrongCheckDigitImpossibleDateAndWrongLength() {
        assertThat(ChineseIdNumber.isValid("110101199003070012")).isFalse();
        String first17 = "11010119900231001"; // 31 February
        assertThat(ChineseIdNumber.isValid(first17 + ChineseIdNumber.checkCharacter(first17))).isFalse();
        assertThat(ChineseIdNumber.isValid("11010119900307001")).isFalse();
    }

    @Test
    void acceptsXAsCheckCharacter() {
        String first17 = findFirst17WithCheckX();
        assertThat(ChineseIdNumber.isValid(first17 + "X")).isTrue();
    }

    @Test
    void readsTheBirthDate() {
        assertThat(ChineseIdNumber.birthDate("110101199003070011")).contains(LocalDate.of(1990, 3, 7));
    }

    private static String findFirst17WithCheckX() {
        for (int i = 0; i < 1000; i++) {
            String first17 = "11010119900307" + String.format("%03d", i);
            if (ChineseIdNumber.checkCharacter(first17) == 'X') {
                return first17;
            }
        }
        throw new AssertionError("no X check character in range");
    }
}
