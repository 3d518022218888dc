package com.loanflow.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.loanflow.risk.SandboxIdentities.input;
import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox identities get the outcomes docs/architecture.md promises, through the real rules, model and tables. */
class RiskEngineSandboxIdentitiesTest {

    private static final RiskEngine ENGINE = RiskEngine.loadDefault();

    @Test
    void zhangSanIsApproved() {
        RiskDecision d = ENGINE.assess(input("APP-ZHANG", SandboxIdentities.ZHANG_SAN, false));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.APPROVE);
        assertThat(d.reasonCodes()).isEmpty();
        // PD 0.0096 is below risk-route 5.0's 0.02 (tier B from 0.02, review from 0.05): the best tier
        assertThat(d.riskTier()).isEqualTo("A");
        assertThat(d.reviewGroup()).isNull();
        assertThat(d.defaultProbability().scale()).isEqualTo(4);
        assertThat(d.defaultProbability()).isLessThan(new BigDecimal("0.0200"));
    }

    /** The browser walkthrough's borrower: clean like 张三, three years younger. */
    @Test
    void sunBaIsApproved() {
        RiskDecision d = ENGINE.assess(input("APP-SUN", SandboxIdentities.SUN_BA, false));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.APPROVE);
        assertThat(d.reasonCodes()).isEmpty();
        assertThat(d.reviewGroup()).isNull();
        // PD 0.0102, like 张三's below risk-route 5.0's A/B cut at 0.02: tier A, so the walkthrough shows A terms
        assertThat(d.defaultProbability()).isLessThan(new BigDecimal("0.0200"));
        assertThat(d.riskTier()).isEqualTo("A");
    }

    @Test
    void liSiGoesToReviewers() {
        RiskDecision d = ENGINE.assess(input("APP-LI", SandboxIdentities.LI_SI, false));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.REVIEW);
        assertThat(d.reviewGroup()).isEqualTo("reviewers");
        assertThat(d.reasonCodes()).containsExactly("R_BORDERLINE_SCORE");
        assertThat(d.riskTier()).isEqualTo("C");
        assertThat(d.adverseFactors()).extracting(AdverseFactor::code)
                .hasSizeBetween(1, 3).contains("F_REVOLVING_UTILIZATION");
    }

    @Test
    void wangWuIsRejectedForMultiLending() {
        RiskDecision d = ENGINE.assess(input("APP-WANG", SandboxIdentities.WANG_WU, false));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.REJECT);
        assertThat(d.reasonCodes()).containsExactly("R_MULTI_LENDING");
        assertThat(d.riskTier()).isEqualTo("E");
    }

    @Test
    void zhaoLiuIsRejectedForTheBlacklist() {
        RiskDecision d = ENGINE.assess(input("APP-ZHAO", SandboxIdentities.ZHAO_LIU, true));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.REJECT);
        assertThat(d.reasonCodes()).containsExactly("R_BLACKLIST");
    }

    @Test
    void qianQiIsRejectedForCourtEnforcement() {
        RiskDecision d = ENGINE.assess(input("APP-QIAN", SandboxIdentities.QIAN_QI, false));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.REJECT);
        assertThat(d.reasonCodes()).containsExactly("R_COURT_ENFORCEMENT");
    }

    @Test
    void everyDecisionRecordsTheVersionsThatMadeIt() {
        RiskDecision d = ENGINE.assess(input("APP-ZHANG", SandboxIdentities.ZHANG_SAN, false));
        assertThat(d.ruleSetVersion()).isEqualTo("hard-rules-3.0");
        assertThat(d.decisionTableVersion()).isEqualTo("risk-route-5.0+credit-terms-1.0+limit-increase-1.0+pricing-2");
        assertThat(d.modelVersion()).isEqualTo("gmsc-xgb-v2+reasons-2");
    }
}
