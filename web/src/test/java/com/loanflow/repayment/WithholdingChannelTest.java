package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Only the channel's refusal of the request itself is final; a busy, timed-out or conflicting answer may hide an
 * earlier send of the same request id that the channel accepted, so it is asked again.
 */
class WithholdingChannelTest {

    @Test
    void invalidOrUnauthorisedRequestsAreRefusalsEverythingElseIsAskedAgain() {
        assertThat(WithholdingChannel.refusal(400)).isTrue();
        for (int unknownOutcome : new int[] {401, 403, 404, 408, 409, 429, 500, 502, 503, 504}) {
            assertThat(WithholdingChannel.refusal(unknownOutcome)).as(String.valueOf(unknownOutcome)).isFalse();
        }
    }
}
