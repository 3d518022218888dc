package com.loanflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R_AGE reads this age: under 18 or over 60 is refused, so the birthdays themselves are the boundaries. */
class ChineseIdNumberAgeTest {

    // born 2008-11-26; the last three digits and the check digit do not matter to the age
    static final String BORN_2008_11_26 = "110101200811260015";
    static final String BORN_1965_11_26 = "110101196511260012";
    static final String BORN_2000_02_29 = "110101200002290018";

    @Test
    void eighteenOnTheEighteenthBirthdayNotTheDayBefore() {
        assertThat(ChineseIdNumber.ageOn(BORN_2008_11_26, LocalDate.of(2026, 11, 25))).isEqualTo(17);
        assertThat(ChineseIdNumber.ageOn(BORN_2008_11_26, LocalDate.of(2026, 11, 26))).isEqualTo(18);
    }

    @Test
    void sixtyUntilTheDayBeforeTheSixtyFirstBirthday() {
        assertThat(ChineseIdNumber.ageOn(BORN_1965_11_26, LocalDate.of(2026, 11, 25))).isEqualTo(60);
        assertThat(ChineseIdNumber.ageOn(BORN_1965_11_26, LocalDate.of(2026, 11, 26))).isEqualTo(61);
    }

    @Test
    void bornOnTheTwentyNinthOfFebruaryComesOfAgeOnTheFirstOfMarchInACommonYear() {
        assertThat(ChineseIdNumber.birthDate(BORN_2000_02_29)).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(ChineseIdNumber.ageOn(BORN_2000_02_29, LocalDate.of(2018, 2, 28))).isEqualTo(17);
        assertThat(ChineseIdNumber.ageOn(BORN_2000_02_29, LocalDate.of(2018, 3, 1))).isEqualTo(18);
        assertThat(ChineseIdNumber.birthDate("110101200102290018")).as("no 29 February in 2001").isNull();
    }
}
