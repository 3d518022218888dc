package com.loanflow.risk.tables;

import com.loanflow.risk.tables.LimitIncreaseTable.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row class of limit-increase.dmn, at both sides of each count. */
class LimitIncreaseTableTest {

    private static final LimitIncreaseTable TABLE = LimitIncreaseTable.loadDefault();

    @ParameterizedTest(name = "tier {0}, settled {1}, on time {2}, worst DPD {3} -> +{4} up to {5} ({6})")
    @CsvSource({
            // refusals first: late, nothing settled, too few on-time installments, rejected tier
            "A, 2, 12, 4, 0.00, 0.00, L_LATE_REPAYMENT",
            "A, 0, 12, 0, 0.00, 0.00, L_NO_SETTLED_LOAN",
            "A, 1, 2, 0, 0.00, 0.00, L_TOO_FEW_REPAYMENTS",
            "E, 1, 6, 0, 0.00, 0.00, L_TIER_NOT_ELIGIBLE",
            // a slip of up to 3 days is forgiven
            "A, 1, 6, 3, 1000.00, 5000.00, L_ON_TIME_REPAYMENTS",
            // tiers A/B
            "A, 1, 6, 0, 1000.00, 5000.00, L_ON_TIME_REPAYMENTS",
            "B, 1, 5, 0, 500.00, 5000.00, L_ON_TIME_REPAYMENTS",
            "B, 1, 3, 0, 500.00, 5000.00, L_ON_TIME_REPAYMENTS",
            // tier C
            "C, 1, 6, 0, 500.00, 3000.00, L_ON_TIME_REPAYMENTS",
            "C, 1, 5, 0, 300.00, 3000.00, L_ON_TIME_REPAYMENTS",
            // tier C at the lower edge of its 3-5 row, and one below it (the "< 3" refusal precedes the tier rows)
            "C, 1, 3, 0, 300.00, 3000.00, L_ON_TIME_REPAYMENTS",
            "C, 1, 2, 0, 0.00, 0.00, L_TOO_FEW_REPAYMENTS",
            // where several refusals hold, the first row's reason is given (FIRST): late, then nothing settled, ...
            "A, 0, 2, 4, 0.00, 0.00, L_LATE_REPAYMENT",
            "E, 0, 0, 0, 0.00, 0.00, L_NO_SETTLED_LOAN",
            "E, 1, 2, 0, 0.00, 0.00, L_TOO_FEW_REPAYMENTS",
            // each tier of a two-tier cell, at both sides of the long-record count
            "B, 1, 6, 0, 1000.00, 5000.00, L_ON_TIME_REPAYMENTS",
            "A, 1, 5, 0, 500.00, 5000.00, L_ON_TIME_REPAYMENTS",
            "A, 1, 3, 0, 500.00, 5000.00, L_ON_TIME_REPAYMENTS",
            // tier D stays within the first-loan maximum, however long the record
            "D, 1, 3, 0, 200.00, 2000.00, L_ON_TIME_REPAYMENTS",
            "D, 3, 12, 0, 200.00, 2000.00, L_ON_TIME_REPAYMENTS"})
    void stepsEachRowClass(String tier, int settled, int onTime, int worstDpd, String increase, String max,
                           String reason) {
        assertThat(TABLE.step(tier, settled, onTime, worstDpd))
                .isEqualTo(new Step(new BigDecimal(increase), new BigDecimal(max), reason));
    }

    @Test
    void aDecisionWithoutATierIsNotEligible() {
        assertThat(TABLE.step(null, 1, 6, 0)).isEqualTo(new Step(new BigDecimal("0.00"), new BigDecimal("0.00"),
                "L_TIER_NOT_ELIGIBLE"));
    }

    @Test
    void versionComesFromTheTable() {
        assertThat(TABLE.version()).isEqualTo("limit-increase-1.0");
    }
}
