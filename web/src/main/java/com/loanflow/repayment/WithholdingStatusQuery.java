package com.loanflow.repayment;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.payment.ChannelStatusQueryClient;
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
 * Finds lost withholding callbacks the way PayoutStatusQuery does for payouts: withholdings still SENT after a while
 * are queried at the channel (signed request, signed answer); a final answer takes the callback's idempotent path.
 * Withholdings still REQUESTED (the channel answered busy) are sent again with the same request id, until
 * {@code loanflow.channel.withholding-expiry} (default a day) after they were requested: then, if the channel says it
 * never accepted the request, it expires (FAILED, EXPIRED) and frees the loan's withholding slot.
 */
@Component
@ConditionalOnProperty(name = "loanflow.channel.status-query-enabled", havingValue = "true", matchIfMissing = true)
class WithholdingStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(WithholdingStatusQuery.class);

    private final WithholdingMapper mapper;
    private final Withholdings withholdings;
    private final ChannelStatusQueryClient channel;
    private final Clock clock;
    private final Duration after;
    private final Duration expiry;

    WithholdingStatusQuery(WithholdingMapper mapper, Withholdings withholdings, ChannelStatusQueryClient channel,
                           Clock clock, @Value("${loanflow.channel.status-query-after:PT60S}") Duration after,
                           @Value("${loanflow.channel.withholding-expiry:PT24H}") Duration expiry) {
        this.mapper = mapper;
        this.withholdings = withholdings;
        this.channel = channel;
        this.clock = clock;
        this.after = after;
        this.expiry = expiry;
    }

    @Scheduled(fixedDelayString = "${loanflow.channel.status-query-interval:PT15S}",
            initialDelayString = "${loanflow.channel.status-query-interval:PT15S}")
    void queryOverdueWithholdings() {
        LocalDateTime cutoff = LocalDateTime.now(clock).minus(after);
        LocalDateTime expired = LocalDateTime.now(clock).minus(expiry);
        // REQUESTED rows are marked at every send, so they take turns by themselves
        for (Withholding w : mapper.findInStatusBefore(Withholding.Status.REQUESTED, cutoff, null, null, 50)) {
            try {
                if (w.createdAt().isBefore(expired)) {
                    expireIfNeverAccepted(w);
                } else {
                    // the channel was busy or unreachable: send the same request id again (it never debits twice)
                    withholdings.send(w.repaymentId());
                }
            } catch (Exception e) {
                log.warn("Re-sending or expiring withholding {} failed: {}", w.requestId(), e.toString());
            }
        }
        // SENT rows a query leaves unanswered are not touched: page through them, so a newer lost callback is reached
        Withholding last = sentCursor;
        var sent = mapper.findInStatusBefore(Withholding.Status.SENT, cutoff, last == null ? null : last.updatedAt(),
                last == null ? null : last.id(), PAGE);
        for (Withholding w : sent) {
            try {
                query(w);
            } catch (Exception e) {
                log.warn("Status query for withholding {} failed: {}", w.requestId(), e.toString());
            }
        }
        sentCursor = sent.size() < PAGE ? null : sent.get(sent.size() - 1);
    }

    static final int PAGE = 50;

    /** The last SENT withholding asked about, when the previous round filled a page. */
    private volatile Withholding sentCursor;

    /**
     * A withholding requested longer ago than the expiry and still not accepted. Only the channel's signed word that
     * it never accepted the request (unknown, or known without an acceptance time) lets it expire: a request the
     * channel accepted may still debit the card, so it is left to the status query; an unreachable channel, to the
     * next round.
     */
    private void expireIfNeverAccepted(Withholding w) throws Exception {
        var answer = channel.answer(w.requestId());
        if (answer.isPresent()) {
            String status = answer.get().path("status").asText();
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                applyFinalAnswer(w, answer.get());
                return;
            }
            if (answer.get().hasNonNull("acceptedAt")) {
                return;
            }
        }
        // as read before the question: a send that started since (it marks the row first) keeps the withholding
        withholdings.expire(w.requestId(), w.version());
    }

    private void query(Withholding w) throws Exception {
        var answer = channel.finalAnswer(w.requestId());
        if (answer.isEmpty()) {
            return; // still processing at the channel, or no valid answer: asked again next round
        }
        applyFinalAnswer(w, answer.get());
    }

    /** A final signed answer takes the callback's idempotent path. */
    private void applyFinalAnswer(Withholding w, JsonNode result) {
        String status = result.path("status").asText();
        var outcome = withholdings.applyCallback(w.channel(), w.requestId(), result.path("channelTransactionId")
                .asText(null), status, result.path("failureCode").isNull() ? null : result.path("failureCode").asText(),
                result.path("acceptedAt").asText(null));
        log.info("Status query settled withholding {}: {} ({})", w.requestId(), status, outcome);
    }
}
