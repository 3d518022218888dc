package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Borrowers and reviewers see Chinese and English text for the renamed rule codes and the fraud flags. */
class ReasonCodeDescriptionsTest {

    private final RiskMapper decisions = mock(RiskMapper.class);
    private final ReasonCodeDescriptions descriptions = new ReasonCodeDescriptions(decisions);

    @Test
    void describesTheIssueFiveCodesInChineseAndEnglish() {
        for (String code : new String[] {"R_AGE", "R_IDENTITY", "R_BLACKLIST", "R_MULTI_LENDING", "R_POOR_CREDIT",
                "F_SHARED_DEVICE", "F_IP_BURST", "F_IP_REGION_MISMATCH", "F_ID_CARD_UNCONFIRMED", "R_BORDERLINE_SCORE", "F_AGE"}) {
            assertThat(descriptions.describe(code)).as(code).matches(".*\\p{IsHan}.* / [A-Z].*");
        }
        assertThat(descriptions.describe("R_BLACKLIST")).contains("设备").contains("device");
    }

    @Test
    void describesEveryReasonAReviewerCanGiveForARejection() {
        for (String code : ReviewRejectionReasons.CODES) {
            assertThat(descriptions.describe(code)).as(code).matches(".*\\p{IsHan}.* / The reviewer .*");
        }
    }

    @Test
    void showsAnUnknownCodeAsItself() {
        assertThat(descriptions.describe("R_NOT_A_CODE")).isEqualTo("R_NOT_A_CODE");
        assertThat(descriptions.describeInChinese("R_NOT_A_CODE")).isEqualTo("R_NOT_A_CODE");
    }

    @Test
    void aTextMessageGetsTheChineseHalfAReviewerEveryTextWithItsCode() {
        assertThat(descriptions.describeInChinese("R_HIGH_DEFAULT_PROBABILITY")).isEqualTo("预测违约概率过高");
        assertThat(descriptions.explain(List.of("R_BORDERLINE_SCORE", "F_IP_BURST"))).isEqualTo(
                descriptions.describe("R_BORDERLINE_SCORE") + " (R_BORDERLINE_SCORE); "
                        + descriptions.describe("F_IP_BURST") + " (F_IP_BURST)");
        assertThat(descriptions.explain(List.of())).isEmpty();
    }

    @Test
    void theAdverseFactorsAreTheRecordedDecisionsInItsOrderAndNoneWithoutADecision() {
        when(decisions.findDecision("application-1")).thenReturn(Optional.of(new DecisionRecord("d-1", "application-1",
                "REJECT", "R_HIGH_DEFAULT_PROBABILITY", new BigDecimal("0.6100"), "E", null,
                "F_PAST_DUE_TOTAL,F_REVOLVING_UTILIZATION,F_AGE", "r", "t", "m", "0".repeat(64), 100,
                LocalDateTime.now(), null, null, null, null, null, null, null, null, null, null, null, null)));
        when(decisions.findDecision("application-2")).thenReturn(Optional.empty());

        assertThat(descriptions.adverseFactors("application-1")).extracting(AdverseFactor::code)
                .containsExactly("F_PAST_DUE_TOTAL", "F_REVOLVING_UTILIZATION", "F_AGE");
        assertThat(descriptions.adverseFactors("application-1")).extracting(AdverseFactor::description)
                .allMatch(text -> text.matches(".*\\p{IsHan}.* / [A-Z].*"));
        assertThat(descriptions.adverseFactors("application-2")).isEmpty();
    }

    @Test
    void theLimitReasonIsTheRecordedDecisionsInWordsAndNoneForAFirstLoan() {
        when(decisions.findDecision("repeat")).thenReturn(Optional.of(new DecisionRecord("d-2", "repeat", "APPROVE",
                "", new BigDecimal("0.0100"), "A", null, "", "r", "t", "m", "0".repeat(64), 100, LocalDateTime.now(),
                null, null, null, null, new BigDecimal("3000.00"), new BigDecimal("18.00"), null, null, null, null,
                null, "L_ON_TIME_REPAYMENTS")));
        when(decisions.findDecision("first")).thenReturn(Optional.of(new DecisionRecord("d-3", "first", "APPROVE",
                "", new BigDecimal("0.0100"), "A", null, "", "r", "t", "m", "0".repeat(64), 100, LocalDateTime.now(),
                null, null, null, null, new BigDecimal("2000.00"), new BigDecimal("18.00"), null, null, null, null,
                null, null)));

        assertThat(descriptions.limitReason("repeat")).hasValueSatisfying(reason -> {
            assertThat(reason.code()).isEqualTo("L_ON_TIME_REPAYMENTS");
            assertThat(reason.description()).startsWith("按时还款，额度提升 / On-time repayments");
        });
        assertThat(descriptions.limitReason("first")).isEmpty();
    }
}
