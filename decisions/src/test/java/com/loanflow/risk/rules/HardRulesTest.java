package com.loanflow.risk.rules;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.FraudIndicators;
import com.loanflow.risk.RiskInput;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per hard rule and fraud flag, probing both sides of its threshold. The rules 2.0 (hard-rules.drl, retired
 * but replayed) and 3.0 (hard-rules-v3.drl, today's) share are probed in both; the platform-record rules only 3.0 has
 * are probed in 3.0, and 2.0 is pinned not to fire at their thresholds.
 */
class HardRulesTest {

    private static final HardRules RULES = HardRules.loadDefault();
    private static final HardRules RETIRED = HardRules.fromResource(HardRules.RESOURCE_V2);

    /** Both rule sets: a replayed 2.0 decision must meet the same boundaries the shared rules had when it was made. */
    static Stream<Named<HardRules>> bothRuleSets() {
        return Stream.of(Named.of("hard-rules-2.0", RETIRED), Named.of("hard-rules-3.0", RULES));
    }

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

    private static RiskInput withSignals(int borrowersOnDevice, int ipApplications, boolean regionFar) {
        return new RiskInput("APP-1", 36, true, false, 1, new BigDecimal("1000.00"), 6, CLEAN,
                new FraudIndicators(borrowersOnDevice, ipApplications, regionFar));
    }

    /** The 3-argument FraudIndicators always confirms the ID card; this one sets it. */
    private static RiskInput withIdCard(boolean unconfirmed) {
        return new RiskInput("APP-1", 36, true, false, 1, new BigDecimal("1000.00"), 6, CLEAN,
                new FraudIndicators(1, 1, false, unconfirmed));
    }

    private static List<String> rejections(RiskInput input) {
        return RULES.evaluate(input).rejections();
    }

    private static List<String> flags(RiskInput input) {
        return RULES.evaluate(input).flags();
    }

    private static List<String> rejections(HardRules rules, RiskInput input) {
        return rules.evaluate(input).rejections();
    }

    private static List<String> flags(HardRules rules, RiskInput input) {
        return rules.evaluate(input).flags();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void cleanApplicantHitsNoRuleAndRaisesNoFlag(HardRules rules) {
        RuleHits hits = rules.evaluate(clean(CLEAN));
        assertThat(hits.rejections()).isEmpty();
        assertThat(hits.flags()).isEmpty();
        assertThat(hits.rejected()).isFalse();
        assertThat(hits.flagged()).isFalse();
    }

    @Test
    void declaresItsVersionAndLimitsInTheDrl() {
        assertThat(RULES.version()).isEqualTo("hard-rules-3.0");
        assertThat(RULES.limit("maxApplications90Days")).isEqualTo(10);
        assertThat(RULES.limit("minApplicantAge")).isEqualTo(18);
        assertThat(RULES.limit("maxApplicantAge")).isEqualTo(60);
        assertThat(RULES.limit("minSevereDelinquencies")).isEqualTo(3);
        assertThat(RULES.limit("maxPlatformApplications90Days")).isEqualTo(3);
        assertThat(RULES.limit("minBorrowersOnDevice")).isEqualTo(3);
        assertThat(RULES.limit("minApplicationsFromIpPerHour")).isEqualTo(5);
    }

    @Test
    void theRetiredRuleSetDeclaresTheSameSharedLimitsAndNoPlatformRecordLimit() {
        assertThat(RETIRED.version()).isEqualTo("hard-rules-2.0");
        assertThat(RETIRED.limit("maxApplications90Days")).isEqualTo(10);
        assertThat(RETIRED.limit("minApplicantAge")).isEqualTo(18);
        assertThat(RETIRED.limit("maxApplicantAge")).isEqualTo(60);
        assertThat(RETIRED.limit("minSevereDelinquencies")).isEqualTo(3);
        assertThat(RETIRED.limit("maxPlatformApplications90Days")).isEqualTo(3);
        assertThat(RETIRED.limit("minBorrowersOnDevice")).isEqualTo(3);
        assertThat(RETIRED.limit("minApplicationsFromIpPerHour")).isEqualTo(5);
        // 2.0's HardRuleLimits has no such field: the lookup answers null rather than 3.0's 29
        assertThat(RETIRED.limit("maxOwnDaysPastDue")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void rejectsMoreThanTenApplicationsInThreeMonthsCountingBureauAndOurOwn(HardRules rules) {
        // our own count always includes the application being decided (AssessRiskDelegate): a first application here
        // is the 10th in three months after 9 elsewhere, the 11th after 10
        assertThat(rejections(rules, input(36, true, false, 1, report(9, false, 0)))).isEmpty();
        assertThat(rejections(rules, input(36, true, false, 1, report(10, false, 0))))
                .containsExactly("R_MULTI_LENDING");
        // the rule itself: the sum, whichever side holds it
        assertThat(rejections(rules, input(36, true, false, 0, report(10, false, 0)))).isEmpty();
        assertThat(rejections(rules, input(36, true, false, 0, report(11, false, 0))))
                .containsExactly("R_MULTI_LENDING");
        // 8 at other lenders + 3 with us = 11: neither count alone is over its limit
        assertThat(rejections(rules, input(36, true, false, 2, report(8, false, 0)))).isEmpty();
        assertThat(rejections(rules, input(36, true, false, 3, report(8, false, 0))))
                .containsExactly("R_MULTI_LENDING");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void rejectsBlacklistedApplicant(HardRules rules) {
        assertThat(rejections(rules, input(36, true, true, 1, CLEAN))).containsExactly("R_BLACKLIST");
        assertThat(rejections(rules, input(36, true, false, 1, CLEAN))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void rejectsApplicantUnderCourtEnforcement(HardRules rules) {
        assertThat(rejections(rules, clean(report(2, true, 0)))).containsExactly("R_COURT_ENFORCEMENT");
        assertThat(rejections(rules, clean(report(2, false, 0)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void rejectsIdentityMismatch(HardRules rules) {
        assertThat(rejections(rules, input(36, false, false, 1, CLEAN))).containsExactly("R_IDENTITY");
        assertThat(rejections(rules, input(36, true, false, 1, CLEAN))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void lendsOnlyToAdultsFromEighteenToSixty(HardRules rules) {
        assertThat(rejections(rules, input(17, true, false, 1, CLEAN))).containsExactly("R_AGE");
        assertThat(rejections(rules, input(18, true, false, 1, CLEAN))).isEmpty();
        assertThat(rejections(rules, input(60, true, false, 1, CLEAN))).isEmpty();
        assertThat(rejections(rules, input(61, true, false, 1, CLEAN))).containsExactly("R_AGE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void rejectsThreeOrMoreNinetyDayDelinquenciesIncludingSentinelCodes(HardRules rules) {
        assertThat(rejections(rules, clean(report(2, false, 2)))).isEmpty();
        assertThat(rejections(rules, clean(report(2, false, 3)))).containsExactly("R_SEVERE_DELINQUENCY");
        assertThat(rejections(rules, clean(report(2, false, 96)))).containsExactly("R_SEVERE_DELINQUENCY");
        assertThat(rejections(rules, clean(report(2, false, 98)))).containsExactly("R_SEVERE_DELINQUENCY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void rejectsMoreThanThreeApplicationsOnThisPlatformInThreeMonths(HardRules rules) {
        assertThat(rejections(rules, input(36, true, false, 3, CLEAN))).isEmpty();
        assertThat(rejections(rules, input(36, true, false, 4, CLEAN))).containsExactly("R_PLATFORM_VELOCITY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void flagsADeviceSharedByThreeBorrowersWithoutRejecting(HardRules rules) {
        assertThat(flags(rules, withSignals(2, 1, false))).isEmpty();
        RuleHits hits = rules.evaluate(withSignals(3, 1, false));
        assertThat(hits.flags()).containsExactly("F_SHARED_DEVICE");
        assertThat(hits.rejections()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void flagsFiveApplicationsFromOneIpInAnHour(HardRules rules) {
        assertThat(flags(rules, withSignals(1, 4, false))).isEmpty();
        assertThat(flags(rules, withSignals(1, 5, false))).containsExactly("F_IP_BURST");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void flagsAnIpRegionFarFromTheIdentity(HardRules rules) {
        assertThat(flags(rules, withSignals(1, 1, false))).isEmpty();
        assertThat(flags(rules, withSignals(1, 1, true))).containsExactly("F_IP_REGION_MISMATCH");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void flagsAnIdCardOcrCouldNotConfirmForReviewNotRejection(HardRules rules) {
        // the 4-argument FraudIndicators: withSignals's 3-argument one never sets idCardUnconfirmed
        assertThat(flags(rules, withIdCard(true))).containsExactly("F_ID_CARD_UNCONFIRMED");
        assertThat(rejections(rules, withIdCard(true))).isEmpty();
        assertThat(rules.evaluate(withIdCard(false))).as("confirmed")
                .isEqualTo(new RuleHits(List.of(), List.of()));
    }

    @Test
    void anInputWithoutSignalsRaisesNoFlag() {
        RiskInput none = new RiskInput("APP-1", 36, true, false, 1, new BigDecimal("1000.00"), 6, CLEAN, null);
        assertThat(flags(none)).isEmpty();
    }

    @Test
    void refusesADrlThatDoesNotCompile() {
        assertThatThrownBy(() -> HardRules.fromDrl("package com.loanflow.risk.rules;\nrule \"broken\" when then x( end"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }

    @Test
    void refusesAMissingRuleResource() {
        assertThatThrownBy(() -> HardRules.fromResource("/com/loanflow/risk/rules/no-such.drl"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRuleSets")
    void reportsEveryRuleThatFiredInSortedOrder(HardRules rules) {
        RiskInput worst = new RiskInput("APP-1", 70, false, true, 9, new BigDecimal("1000.00"), 6,
                report(20, true, 5), new FraudIndicators(4, 9, true));
        RuleHits hits = rules.evaluate(worst);
        assertThat(hits.rejections()).containsExactly("R_AGE", "R_BLACKLIST", "R_COURT_ENFORCEMENT", "R_IDENTITY",
                "R_MULTI_LENDING", "R_PLATFORM_VELOCITY", "R_SEVERE_DELINQUENCY");
        assertThat(hits.flags()).containsExactly("F_IP_BURST", "F_IP_REGION_MISMATCH", "F_SHARED_DEVICE");
        assertThat(hits.all()).hasSize(10).startsWith("R_AGE").endsWith("F_SHARED_DEVICE");
    }

    private static RiskInput withRecord(int settledLoans, int maxDaysPastDue) {
        return new RiskInput("APP-1", 36, true, false, 1, new BigDecimal("1000.00"), 6, CLEAN, FraudIndicators.NONE,
                new com.loanflow.risk.PlatformHistory(settledLoans, maxDaysPastDue));
    }

    @Test
    void anEarlierLoanHereRepaid30DaysLateOrMoreRejects() {
        int max = (int) RULES.limit("maxOwnDaysPastDue");
        assertThat(max).isEqualTo(29);
        assertThat(rejections(withRecord(1, max + 1))).containsExactly("R_PLATFORM_DELINQUENCY");
        assertThat(rejections(withRecord(2, 120))).containsExactly("R_PLATFORM_DELINQUENCY");
        assertThat(flags(withRecord(1, max + 1))).as("rejected, not also flagged").isEmpty();
        assertThat(rejections(withRecord(1, max))).isEmpty();
    }

    @Test
    void anEarlierLoanHereRepaidLateButLessThan30DaysSendsTheCaseToAPerson() {
        int max = (int) RULES.limit("maxOwnDaysPastDue");
        assertThat(flags(withRecord(1, 1))).containsExactly("F_PLATFORM_LATE_REPAYMENT");
        assertThat(flags(withRecord(1, max))).containsExactly("F_PLATFORM_LATE_REPAYMENT");
        assertThat(flags(withRecord(3, 0))).as("always on time").isEmpty();
        assertThat(RULES.evaluate(withRecord(0, 0)).flagged()).as("no earlier loan").isFalse();
    }

    @Test
    void theRetiredRuleSetDecidesAsItDidWithoutThePlatformRecord() {
        HardRules retired = RETIRED;
        assertThat(retired.version()).isEqualTo("hard-rules-2.0");
        assertThat(retired.evaluate(withRecord(1, 60)).rejected()).isFalse();
        assertThat(retired.evaluate(withRecord(1, 10)).flagged()).isFalse();
        // 2.0 has no R_PLATFORM_DELINQUENCY / F_PLATFORM_LATE_REPAYMENT: nothing fires on either side of 3.0's
        // 29/30-day threshold, nor at 3.0's lowest late flag (1 day)
        RuleHits none = new RuleHits(List.of(), List.of());
        assertThat(retired.evaluate(withRecord(1, 1))).isEqualTo(none);
        assertThat(retired.evaluate(withRecord(1, 29))).isEqualTo(none);
        assertThat(retired.evaluate(withRecord(1, 30))).isEqualTo(none);
        // otherwise the same rules: one input of each kind decides alike in both
        for (RiskInput input : List.of(clean(CLEAN), clean(report(11, false, 0)), clean(report(2, true, 0)),
                input(17, true, false, 1, CLEAN), input(36, false, false, 1, CLEAN), input(36, true, true, 1, CLEAN),
                input(36, true, false, 4, CLEAN), clean(report(2, false, 3)), withSignals(3, 5, true))) {
            assertThat(retired.evaluate(input)).isEqualTo(RULES.evaluate(input));
        }
    }
}
