package com.loanflow.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RiskEngine.price(decision, input): a repeat borrower's limit steps up from the last settled loan's by
 * limit-increase.dmn, within today's tier; a first loan keeps the tier's limit. 张三 is tier A (first-loan limit
 * 2,000.00, ceiling 5,000.00), 李四 tier C (1,000.00, ceiling 3,000.00).
 */
class RiskEngineRepeatBorrowerTest {

    private static final RiskEngine ENGINE = RiskEngine.loadDefault();

    private static RiskInput input(CreditBureauReport report, PlatformHistory history) {
        return new RiskInput("APP-REPEAT", report.age(), true, false, 1, new BigDecimal("1000.00"), 6, report,
                FraudIndicators.NONE, history);
    }

    private static CreditTerms price(CreditBureauReport report, PlatformHistory history) {
        RiskInput input = input(report, history);
        RiskDecision decision = ENGINE.assess(input);
        return ENGINE.price(decision, input);
    }

    private static PlatformHistory settled(int loans, int onTime, int worstDaysLate, String lastLimit) {
        return new PlatformHistory(loans, worstDaysLate, onTime, new BigDecimal(lastLimit));
    }

    @Test
    void aFirstLoanGetsTheTiersLimitAndNoLimitReason() {
        assertThat(price(SandboxIdentities.ZHANG_SAN, PlatformHistory.NONE))
                .isEqualTo(new CreditTerms(new BigDecimal("2000.00"), new BigDecimal("18.00"), null));
        // an earlier loan still being repaid is not a settled one: no step yet
        assertThat(price(SandboxIdentities.ZHANG_SAN, new PlatformHistory(0, 0, 4, null)).creditLimit())
                .isEqualByComparingTo("2000.00");
    }

    @Test
    void sixOnTimeInstallmentsInTierAStepOneThousandAboveTheLastLimit() {
        CreditTerms terms = price(SandboxIdentities.ZHANG_SAN, settled(1, 6, 0, "2000.00"));
        assertThat(terms.creditLimit()).isEqualByComparingTo("3000.00");
        assertThat(terms.creditLimit().scale()).isEqualTo(2);
        assertThat(terms.aprPercent()).isEqualByComparingTo("18.00"); // the tier's price, not changed by the step
        assertThat(terms.limitReasonCode()).isEqualTo("L_ON_TIME_REPAYMENTS");
    }

    @Test
    void threeToFiveOnTimeInstallmentsStepFiveHundredAndTheCeilingHolds() {
        assertThat(price(SandboxIdentities.ZHANG_SAN, settled(1, 3, 0, "2000.00")).creditLimit())
                .isEqualByComparingTo("2500.00");
        assertThat(price(SandboxIdentities.ZHANG_SAN, settled(4, 24, 0, "4800.00")).creditLimit())
                .isEqualByComparingTo("5000.00");
    }

    @Test
    void aStepNeverLeavesARepeatBorrowerBelowTheTiersFirstLoanLimit() {
        // last loan taken as tier D at 500.00, today tier A: 500 + 1,000 is below tier A's 2,000.00
        CreditTerms terms = price(SandboxIdentities.ZHANG_SAN, settled(1, 6, 0, "500.00"));
        assertThat(terms.creditLimit()).isEqualByComparingTo("2000.00");
        assertThat(terms.limitReasonCode()).isEqualTo("L_ON_TIME_REPAYMENTS");
    }

    @Test
    void aLowerTierCapsTheLimitAtItsCeilingAndSaysSo() {
        // earned 4,000.00 as tier A; today tier C, whose ceiling is 3,000.00
        CreditTerms terms = price(SandboxIdentities.LI_SI, settled(2, 12, 0, "4000.00"));
        assertThat(terms.creditLimit()).isEqualByComparingTo("3000.00");
        assertThat(terms.limitReasonCode()).isEqualTo("L_TIER_CEILING");
        assertThat(RuleReasonCodes.describe("L_TIER_CEILING").description()).contains("highest limit");
    }

    @Test
    void aLateRepayerNeverGetsMoreThanBeforeWhateverTheTier() {
        // 10 days late once; the bureau tier is A today (first-loan limit 2,000.00), the last limit was 1,000.00
        CreditTerms terms = price(SandboxIdentities.ZHANG_SAN, settled(1, 5, 10, "1000.00"));
        assertThat(terms.creditLimit()).isEqualByComparingTo("1000.00");
        assertThat(terms.limitReasonCode()).isEqualTo("L_LATE_REPAYMENT");
        // the late-repayment flag makes it tier C, whose first-loan limit (1,000.00) is above a last limit of 800.00:
        // still 800.00 (the case above cannot tell "the last limit" from "tier C's limit", both 1,000.00)
        RiskInput lateAfter800 = input(SandboxIdentities.ZHANG_SAN, settled(1, 5, 10, "800.00"));
        RiskDecision lateDecision = ENGINE.assess(lateAfter800);
        assertThat(lateDecision.riskTier()).isEqualTo("C");
        CreditTerms held = ENGINE.price(lateDecision, lateAfter800);
        assertThat(held.creditLimit()).isEqualByComparingTo("800.00");
        assertThat(held.limitReasonCode()).isEqualTo("L_LATE_REPAYMENT");
        // and a late payer whose last limit was above the tier's falls to the tier's
        assertThat(price(SandboxIdentities.LI_SI, settled(1, 5, 10, "2500.00")).creditLimit())
                .isEqualByComparingTo("1000.00");
        // three days late is within the table's tolerance: a step, though the late-repayment flag sends the case to
        // a reviewer as tier C (step 500.00 instead of tier A's 1,000.00)
        RiskInput threeDaysLate = input(SandboxIdentities.ZHANG_SAN, settled(1, 6, 3, "2000.00"));
        RiskDecision flagged = ENGINE.assess(threeDaysLate);
        assertThat(flagged.reasonCodes()).contains("F_PLATFORM_LATE_REPAYMENT");
        assertThat(flagged.riskTier()).isEqualTo("C");
        CreditTerms stepped = ENGINE.price(flagged, threeDaysLate);
        assertThat(stepped.creditLimit()).isEqualByComparingTo("2500.00");
        assertThat(stepped.limitReasonCode()).isEqualTo("L_ON_TIME_REPAYMENTS");
    }

    @Test
    void tooFewOnTimeInstallmentsKeepTheLastLimitButNeverBelowTheTiers() {
        CreditTerms terms = price(SandboxIdentities.ZHANG_SAN, settled(1, 2, 0, "1500.00"));
        assertThat(terms.creditLimit()).isEqualByComparingTo("2000.00");
        assertThat(terms.limitReasonCode()).isEqualTo("L_TOO_FEW_REPAYMENTS");
        assertThat(price(SandboxIdentities.ZHANG_SAN, settled(1, 2, 0, "2500.00")).creditLimit())
                .isEqualByComparingTo("2500.00");
    }

    @Test
    void aLoanSettledEarlyEarnsNoSecondStepAndLosesNothing() {
        // loan 1: 2,000.00, six on time -> loan 2 at 3,000.00, borrowed and settled the next day (no installment
        // fell due): loan 3 keeps 3,000.00 rather than stepping again on loan 1's record
        CreditTerms afterEarlySettlement = price(SandboxIdentities.ZHANG_SAN, settled(2, 0, 0, "3000.00"));
        assertThat(afterEarlySettlement.creditLimit()).isEqualByComparingTo("3000.00");
        assertThat(afterEarlySettlement.limitReasonCode()).isEqualTo("L_TOO_FEW_REPAYMENTS");
        // and a kept limit still respects today's tier's ceiling (tier C: 3,000.00), which is then the reason given
        CreditTerms cut = price(SandboxIdentities.LI_SI, settled(2, 0, 0, "4000.00"));
        assertThat(cut.creditLimit()).isEqualByComparingTo("3000.00");
        assertThat(cut.limitReasonCode()).isEqualTo("L_TIER_CEILING");
    }
}
