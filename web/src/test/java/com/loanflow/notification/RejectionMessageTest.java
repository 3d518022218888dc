package com.loanflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.loanflow.risk.ReasonCodeDescriptions;
import com.loanflow.risk.RiskMapper;
import org.junit.jupiter.api.Test;

/** The rejection text message gives the main reason in words, never as a code. */
class RejectionMessageTest {

    private final ReasonCodeDescriptions reasons = new ReasonCodeDescriptions(mock(RiskMapper.class));

    @Test
    void givesTheFirstRuleOrRouteReasonInChinese() {
        assertThat(BorrowerNotifications.rejected("R_MULTI_LENDING,F_IP_BURST", reasons))
                .contains("未通过").contains("主要原因：近3个月贷款申请（含本平台）超过10次")
                .doesNotContain("R_MULTI_LENDING").doesNotContain("F_IP_BURST").doesNotContain("Loan applications");
    }

    @Test
    void aRejectionInReviewGivesTheReviewersReasonNotJustThatItWasReviewed() {
        assertThat(BorrowerNotifications.rejected(
                "R_REVIEW_REJECTED,R_REVIEW_AFFORDABILITY,R_BORDERLINE_SCORE,F_SHARED_DEVICE", reasons))
                .contains("主要原因：审核认为您的收入难以负担本笔借款的还款").doesNotContain("R_");
        // recorded before reviewers gave reasons
        assertThat(BorrowerNotifications.rejected("R_REVIEW_REJECTED", reasons)).contains("主要原因：人工审核未通过");
    }

    @Test
    void withoutACodeItSaysSoWithoutInventingOne() {
        assertThat(BorrowerNotifications.rejected(null, reasons)).isEqualTo(
                "【Loanflow】很抱歉，您的借款申请未通过。全部原因及影响评分的因素请在App内查看。");
    }
}
