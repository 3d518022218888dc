package com.loanflow.risk.tables;

import com.loanflow.risk.tables.RiskRouteTable.Route;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of risk-route.dmn, at and just below the PD cut points (0.02, 0.05, 0.30, 0.45). */
class RiskRouteTableTest {

    private static final RiskRouteTable TABLE = RiskRouteTable.loadDefault();
    private static final BigDecimal USUAL_AMOUNT = new BigDecimal("1000.00");

    private static Route route(boolean ruleHit, String pd, boolean thinFile, String amount) {
        return TABLE.route(ruleHit, new BigDecimal(pd), thinFile, new BigDecimal(amount));
    }

    private static Route route(String pd) {
        return route(false, pd, false, "1000.00");
    }

    @Test
    void hardRuleHitRejectsAtTierEWhateverTheScore() {
        assertThat(route(true, "0.0010", false, "1000.00")).isEqualTo(new Route("REJECT", "E", null, null));
        assertThat(route(true, "0.2000", true, "1800.00")).isEqualTo(new Route("REJECT", "E", null, null));
    }

    @Test
    void highDefaultProbabilityRejects() {
        assertThat(route("0.4500")).isEqualTo(new Route("REJECT", "E", null, "R_HIGH_DEFAULT_PROBABILITY"));
        assertThat(route(false, "0.9000", true, "1000.00")).isEqualTo(
                new Route("REJECT", "E", null, "R_HIGH_DEFAULT_PROBABILITY"));
    }

    @Test
    void upperMiddleBandGoesToSeniorReviewers() {
        assertThat(route("0.4499")).isEqualTo(new Route("REVIEW", "D", "senior-reviewers", "R_ELEVATED_SCORE"));
        assertThat(route("0.3000")).isEqualTo(new Route("REVIEW", "D", "senior-reviewers", "R_ELEVATED_SCORE"));
    }

    @Test
    void thinFileGoesToSeniorReviewersEvenWithALowScore() {
        assertThat(route(false, "0.0100", true, "1000.00"))
                .isEqualTo(new Route("REVIEW", "D", "senior-reviewers", "R_THIN_FILE"));
    }

    @Test
    void borderlineScoreWithALargeAmountGoesToSeniorReviewers() {
        assertThat(route(false, "0.1000", false, "1500.01"))
                .isEqualTo(new Route("REVIEW", "C", "senior-reviewers", "R_BORDERLINE_LARGE_AMOUNT"));
        assertThat(route(false, "0.1000", false, "1500.00"))
                .isEqualTo(new Route("REVIEW", "C", "reviewers", "R_BORDERLINE_SCORE"));
    }

    @Test
    void middleBandGoesToReviewers() {
        assertThat(route("0.2999")).isEqualTo(new Route("REVIEW", "C", "reviewers", "R_BORDERLINE_SCORE"));
        assertThat(route("0.0500")).isEqualTo(new Route("REVIEW", "C", "reviewers", "R_BORDERLINE_SCORE"));
    }

    @Test
    void lowScoreApprovesAtTierB() {
        assertThat(route("0.0499")).isEqualTo(new Route("APPROVE", "B", null, null));
        assertThat(route("0.0200")).isEqualTo(new Route("APPROVE", "B", null, null));
    }

    @Test
    void veryLowScoreApprovesAtTierAWhateverTheAmount() {
        assertThat(route("0.0199")).isEqualTo(new Route("APPROVE", "A", null, null));
        assertThat(route(false, "0.0000", false, "5000.00")).isEqualTo(new Route("APPROVE", "A", null, null));
    }

    @Test
    void versionComesFromTheTable() {
        assertThat(TABLE.version()).isEqualTo("risk-route-1.0");
        assertThat(USUAL_AMOUNT.scale()).isEqualTo(2);
    }
}
