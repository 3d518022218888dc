package com.loanflow.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RiskEngine.increaseLimit: the table's step, capped at its ceiling, never lowering a limit. */
class RiskEngineLimitIncreaseTest {

    private static final RiskEngine ENGINE = RiskEngine.loadDefault();

    private static LimitIncrease increase(String current, String tier, int settled, int onTime, int worstDpd) {
        return ENGINE.increaseLimit(new LimitIncreaseRequest(new BigDecimal(current), tier, settled, onTime, worstDpd));
    }

    @Test
    void raisesAGoodRepeatBorrowerByTheTablesStep() {
        LimitIncrease up = increase("2000.00", "A", 1, 6, 0);
        assertThat(up.newLimit()).isEqualByComparingTo("3000.00");
        assertThat(up.increase()).isEqualByComparingTo("1000.00");
        assertThat(up.newLimit().scale()).isEqualTo(2);
        assertThat(up.granted()).isTrue();
        assertThat(up.reasonCode()).isEqualTo("L_ON_TIME_REPAYMENTS");
        assertThat(up.tableVersion()).isEqualTo("limit-increase-1.0");
    }

    @Test
    void stopsAtTheTiersCeiling() {
        LimitIncrease up = increase("2900.00", "C", 2, 8, 0);
        assertThat(up.newLimit()).isEqualByComparingTo("3000.00");
        assertThat(up.increase()).isEqualByComparingTo("100.00");
    }

    @Test
    void neverLowersALimitAboveTheCeiling() {
        LimitIncrease same = increase("2500.00", "D", 2, 8, 0);
        assertThat(same.newLimit()).isEqualByComparingTo("2500.00");
        assertThat(same.granted()).isFalse();
    }

    @Test
    void refusesALateRepayerAndSaysWhy() {
        LimitIncrease refused = increase("1000.00", "A", 3, 12, 10);
        assertThat(refused.newLimit()).isEqualByComparingTo("1000.00");
        assertThat(refused.increase()).isEqualByComparingTo("0.00");
        assertThat(refused.reasonCode()).isEqualTo("L_LATE_REPAYMENT");
        assertThat(RuleReasonCodes.describe(refused.reasonCode()).description()).contains("late");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> increase("1000.00", "A", -1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
