package com.loanflow.risk.rules;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.RiskInput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per hard rule, probing both sides of its threshold as declared in hard-rules.drl. */
class HardRulesTest {

    private static final HardRules RULES = HardRules.loadDefault();

    private static CreditBureauReport report(int apps90, boolean court, int pastDue90) {
        return new CreditBureauReport(0, 1, apps90, 1, court, false, 0.15, 36, 0, 0.25, 12000.0, 6, pastDue90, 1, 0, 1);
    }

    private static final CreditBureauReport CLEAN = report(2, false, 0);

    private static RiskInput input(int age, boolean verified, boolean blacklisted, int platformApps,
                                   CreditBureauReport report) {
        return new RiskInput("APP-1", age, verified, blacklisted, platformApps, new BigDecimal("1000.00"), 6, report);
    }

    private static RiskInput clean(CreditBureauReport report) {
        return input(36, true, false, 1, report);
    }

    @Test
    void cleanApplicantHitsNoRule() {
        assertThat(RULES.evaluate(clean(CLEAN))).isEmpty();
    }

    @Test
    void declaresItsVersionAndLimitsInTheDrl() {
        assertThat(RULES.version()).isEqualTo("hard-rules-1.0");
        assertThat(RULES.limit("maxBureauApplications90Days")).isEqualTo(10);
        assertThat(RULES.limit("minApplicantAge")).isEqualTo(18);
        assertThat(RULES.limit("maxApplicantAge")).isEqualTo(60);
        assertThat(RULES.limit("minSevereDelinquencies")).isEqualTo(3);
        assertThat(RULES.limit("maxPlatformApplications90Days")).isEqualTo(3);
    }

    @Test
    void rejectsApplicantWithMoreThanTenApplicationsInThreeMonths() {
        assertThat(RULES.evaluate(clean(report(10, false, 0)))).isEmpty();
        assertThat(RULES.evaluate(clean(report(11, false, 0)))).containsExactly("R_MULTI_LENDING");
    }

    @Test
    void rejectsBlacklistedApplicant() {
        assertThat(RULES.evaluate(input(36, true, true, 1, CLEAN))).containsExactly("R_BLACKLIST");
    }

    @Test
    void rejectsApplicantUnderCourtEnforcement() {
        assertThat(RULES.evaluate(clean(report(2, true, 0)))).containsExactly("R_COURT_ENFORCEMENT");
    }

    @Test
    void rejectsUnverifiedIdentity() {
        assertThat(RULES.evaluate(input(36, false, false, 1, CLEAN))).containsExactly("R_IDENTITY_UNVERIFIED");
    }

    @Test
    void lendsOnlyToAdultsFromEighteenToSixty() {
        assertThat(RULES.evaluate(input(17, true, false, 1, CLEAN))).containsExactly("R_AGE_OUT_OF_RANGE");
        assertThat(RULES.evaluate(input(18, true, false, 1, CLEAN))).isEmpty();
        assertThat(RULES.evaluate(input(60, true, false, 1, CLEAN))).isEmpty();
        assertThat(RULES.evaluate(input(61, true, false, 1, CLEAN))).containsExactly("R_AGE_OUT_OF_RANGE");
    }

    @Test
    void rejectsThreeOrMoreNinetyDayDelinquenciesIncludingSentinelCodes() {
        assertThat(RULES.evaluate(clean(report(2, false, 2)))).isEmpty();
        assertThat(RULES.evaluate(clean(report(2, false, 3)))).containsExactly("R_SEVERE_DELINQUENCY");
        assertThat(RULES.evaluate(clean(report(2, false, 96)))).containsExactly("R_SEVERE_DELINQUENCY");
        assertThat(RULES.evaluate(clean(report(2, false, 98)))).containsExactly("R_SEVERE_DELINQUENCY");
    }

    @Test
    void rejectsMoreThanThreeApplicationsOnThisPlatformInThreeMonths() {
        assertThat(RULES.evaluate(input(36, true, false, 3, CLEAN))).isEmpty();
        assertThat(RULES.evaluate(input(36, true, false, 4, CLEAN))).containsExactly("R_PLATFORM_VELOCITY");
    }

    @Test
    void refusesADrlThatDoesNotCompile() {
        assertThatThrownBy(() -> HardRules.fromDrl("package com.loanflow.risk.rules;\nrule \"broken\" when then x( end"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }

    @Test
    void reportsEveryRuleThatFiredInSortedOrder() {
        RiskInput worst = input(70, false, true, 9, report(20, true, 5));
        assertThat(RULES.evaluate(worst)).containsExactly("R_AGE_OUT_OF_RANGE", "R_BLACKLIST",
                "R_COURT_ENFORCEMENT", "R_IDENTITY_UNVERIFIED", "R_MULTI_LENDING", "R_PLATFORM_VELOCITY",
                "R_SEVERE_DELINQUENCY");
    }
}
