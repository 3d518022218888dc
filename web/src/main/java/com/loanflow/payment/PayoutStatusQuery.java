package com.loanflow.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds lost callbacks: payouts still SENT after a while are queried at the channel (signed request, signed
 * answer) and a final answer goes through the same idempotent path as a callback, so a late callback afterwards is
 * only a duplicate.
 */
@Component
@ConditionalOnProperty(name = "loanflow.channel.status-query-enabled", havingValue = "true", matchIfMissing = true)
class PayoutStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(PayoutStatusQuery.class);

    private final DisbursementMapper mapper;
    private final Disbursements disbursements;
    private final ChannelStatusQueryClient channel;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration after;

    PayoutStatusQuery(DisbursementMapper mapper, Disbursements disbursements, ChannelStatusQueryClient channel,
                      ObjectMapper json, Clock clock,
                      @Value("${loanflow.channel.status-query-after:PT60S}") Duration after) {
        this.mapper = mapper;
        this.disbursements = disbursements;
        this.channel = channel;
        this.json = json;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${loanflow.channel.status-query-interval:PT15S}",
            initialDelayString = "${loanflow.channel.status-query-interval:PT15S}")
    void queryOverduePayouts() {
        Disbursement last = cursor;
        var page = mapper.findSentBefore(LocalDateTime.now(clock).minus(after),
                last == null ? null : last.updatedAt(), last == null ? null : last.id(), PAGE);
        for (Disbursement d : page) {
            try {
                query(d);
            } catch (Exception e) {
                log.warn("Status query for payout {} failed: {}", d.requestId(), e.toString());
            }
        }
        // the next page next round; from the oldest again once the end is reached
        cursor = page.size() < PAGE ? null : page.get(page.size() - 1);
    }

    static final int PAGE = 50;

    /** The last payout asked about in the previous round, when it filled a page (one job at a time, per node). */
    private volatile Disbursement cursor;

    private void query(Disbursement d) throws Exception {
        var answer = channel.finalAnswer(d.requestId());
        if (answer.isEmpty()) {
            return; // still processing at the channel, or no valid answer: asked again next round
        }
        Disbursements.ChannelResult result = json.treeToValue(answer.get(), Disbursements.ChannelResult.class);
        try {
            var outcome = disbursements.applyCallback(d.channel(), result);
            log.info("Status query settled payout {}: {} ({})", d.requestId(), result.status(), outcome);
        } catch (ApiException notYet) {
            log.info("Status query for {}: {}", d.requestId(), notYet.getMessage());
        }
    }
}
