package com.loanflow.payment;

import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The one record of a request's final channel answer, for payouts and withholdings alike. The first final callback
 * wins (payment_callback's unique key); the same answer again is a harmless repeat; a different final answer
 * (FAILED, then SUCCEEDED) means money may have moved against our record, so it is kept for operations and logged
 * as an error instead of being acknowledged as a duplicate. Daily reconciliation flags the same request as a
 * status mismatch.
 */
@Component
public class PaymentCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

    public enum Recorded { FIRST, REPEAT, CONFLICT }

    private static final java.util.regex.Pattern FAILURE_CODE = java.util.regex.Pattern.compile("[A-Z0-9_]{1,40}");
    /** Codes are short: a run of seven or more digits is a number (card, phone, ID), not a code. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]{7,}");

    /**
     * A channel's failure code as the platform keeps it: a code (upper-case letters, digits, underscores, at most 40,
     * no run of seven digits), else {@code OTHER}. It becomes a process variable and a reason code (D_ + code), so free text from the channel
     * (which could carry a card number) never reaches the engine's tables or the borrower's screen.
     */
    public static String failureCode(String fromChannel) {
        if (fromChannel == null) {
            return null;
        }
        return FAILURE_CODE.matcher(fromChannel).matches() && !NUMBER.matcher(fromChannel).find() ? fromChannel
                : "OTHER";
    }

    private final PaymentCallbackMapper mapper;
    private final Clock clock;

    PaymentCallbacks(PaymentCallbackMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Call inside the transaction that applies a FIRST answer, so the record and its effect commit together. */
    public Recorded record(String channel, String requestId, String status, String channelTxnId, String failureCode) {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            mapper.insert(Ids.newId(), channel, requestId, status, channelTxnId, failureCode, now);
            return Recorded.FIRST;
        } catch (DuplicateKeyException repeated) {
            String applied = mapper.findStatus(channel, requestId).orElse(status);
            if (applied.equals(status)) {
                log.info("Duplicate {} {} callback for {} acknowledged", channel, status, requestId);
                return Recorded.REPEAT;
            }
            try {
                mapper.insertConflict(Ids.newId(), channel, requestId, applied, status, channelTxnId, failureCode,
                        now);
            } catch (DuplicateKeyException alreadyRecorded) {
                return Recorded.CONFLICT;
            }
            log.error("Channel {} answered {} for {} after {} was applied: recorded in payment_callback_conflict for"
                    + " operations, nothing changed", channel, status, requestId, applied);
            return Recorded.CONFLICT;
        }
    }
}
