package com.loanflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A cancellation the borrower did not ask for is told, with its cause in words; their own withdrawal is not. A failed
 * payout blames the card only when the channel refused the card.
 */
class CancellationMessageTest {

    @Test
    void aReviewNotFinishedInTimeIsThePlatformsFailureAndSaysSo() {
        assertThat(BorrowerNotifications.cancelled("R_REVIEW_TIMEOUT")).contains("未能在审核时限内完成人工审核")
                .contains("未产生任何费用").doesNotContain("R_");
    }

    @Test
    void aContractLeftUnsignedSaysItWasNotSigned() {
        assertThat(BorrowerNotifications.cancelled("R_CONTRACT_NOT_SIGNED")).contains("合同未在签署期限内签署")
                .doesNotContain("R_");
    }

    @Test
    void aFailedPayoutAsksToCheckTheCardOnlyWhenTheCardWasRefused() {
        assertThat(BorrowerNotifications.disbursementFailed("D_INVALID_CARD")).contains("请核对银行卡");
        assertThat(BorrowerNotifications.disbursementFailed("D_CARD_FROZEN")).contains("请核对银行卡");
        assertThat(BorrowerNotifications.disbursementFailed("D_CARD_INVALID")).as("the callback's code").contains("请核对银行卡");
        for (String other : new String[] {"D_CONFIRMED_NOT_PAID", "D_OTHER", "D_PAYOUT_FAILED", null}) {
            assertThat(BorrowerNotifications.disbursementFailed(other)).as(other).contains("并非您的原因")
                    .doesNotContain("银行卡").doesNotContain("D_");
        }
    }

    @Test
    void theBorrowersOwnWithdrawalIsNotToldBackAndAnUnknownCauseIsToldPlainly() {
        assertThat(BorrowerNotifications.cancelled("R_WITHDRAWN_BY_BORROWER")).isNull();
        assertThat(BorrowerNotifications.cancelled("R_CANCELLED")).isEqualTo(
                "【Loanflow】您的借款申请已取消，未产生任何费用。如仍需借款，可重新申请。");
        assertThat(BorrowerNotifications.cancelled(null)).isEqualTo(BorrowerNotifications.cancelled("R_CANCELLED"));
    }
}
