package com.loanflow.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Payouts the channel leaves unanswered are not touched by a query, so asking the oldest 50 every round would never
 * reach a newer one whose callback was lost: the query pages through them and starts again at the end.
 */
class PayoutStatusQueryPagingTest {

    final DisbursementMapper mapper = mock(DisbursementMapper.class);
    final ChannelStatusQueryClient channel = mock(ChannelStatusQueryClient.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    final PayoutStatusQuery query = new PayoutStatusQuery(mapper, mock(Disbursements.class), channel,
            new com.fasterxml.jackson.databind.ObjectMapper(), clock, Duration.ofSeconds(60));

    @Test
    void eachRoundAsksTheNextPageAndTheRoundAfterTheLastStartsAgain() throws Exception {
        LocalDateTime cutoff = LocalDateTime.now(clock).minusSeconds(60);
        List<Disbursement> first = payouts(0, PayoutStatusQuery.PAGE);
        List<Disbursement> rest = payouts(PayoutStatusQuery.PAGE, 3);
        Disbursement lastOfFirst = first.get(first.size() - 1);
        when(mapper.findSentBefore(eq(cutoff), isNull(), isNull(), eq(PayoutStatusQuery.PAGE))).thenReturn(first);
        when(mapper.findSentBefore(cutoff, lastOfFirst.updatedAt(), lastOfFirst.id(), PayoutStatusQuery.PAGE))
                .thenReturn(rest);
        when(channel.finalAnswer(any())).thenReturn(Optional.empty()); // the channel has nothing final for any

        query.queryOverduePayouts();
        query.queryOverduePayouts();
        query.queryOverduePayouts();

        var order = inOrder(mapper, channel);
        order.verify(mapper).findSentBefore(eq(cutoff), isNull(), isNull(), eq(PayoutStatusQuery.PAGE));
        order.verify(channel, org.mockito.Mockito.times(PayoutStatusQuery.PAGE)).finalAnswer(any());
        order.verify(mapper).findSentBefore(cutoff, lastOfFirst.updatedAt(), lastOfFirst.id(), PayoutStatusQuery.PAGE);
        order.verify(channel).finalAnswer("REQ-50");
        order.verify(channel).finalAnswer("REQ-52");
        order.verify(mapper).findSentBefore(eq(cutoff), isNull(), isNull(), eq(PayoutStatusQuery.PAGE));
    }

    private static List<Disbursement> payouts(int from, int count) {
        List<Disbursement> page = new ArrayList<>();
        for (int k = from; k < from + count; k++) {
            LocalDateTime at = LocalDateTime.of(2026, 11, 26, 8, 0).plusSeconds(k);
            page.add(new Disbursement("d-" + k, "app-" + k, "REQ-" + k, "sandbox", new BigDecimal("1000.00"), "enc",
                    DisbursementStatus.SENT, null, null, at, at, 1, new BigDecimal("10.00")));
        }
        return page;
    }
}
