package com.loanflow.sandbox.channel;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox channel's own record of a payout or withholding request (a real channel keeps this on its side).
 * kind: PAYOUT (lender → card) or WITHHOLDING (card → lender). createdAt: first received; acceptedAt: accepted (null
 * while busy), which dates the statement row, as real channels date by acceptance.
 */
record SandboxPayout(String requestId, String merchantId, BigDecimal amount, String cardEnc, String cardLast4,
                     Behaviour behaviour, int attempts, String status, String channelTxnId, String notifyUrl,
                     LocalDateTime createdAt, int version, String kind, LocalDateTime acceptedAt) {

    static final String TABLE = "sandbox_channel_payout";
    static final String PAYOUT = "PAYOUT";
    static final String WITHHOLDING = "WITHHOLDING";

    /** Documented test cards decide how the sandbox behaves, like a real provider's test card numbers. */
    enum Behaviour {
        // SUCCEED_CALLBACK_LOST: paid, but the callback never arrives; only the merchant's status query finds out
        SUCCEED, BUSY_TWICE_THEN_SUCCEED, FAIL_CARD_INVALID, SUCCEED_CALLBACK_LOST,
        // the same signed SUCCEEDED callback delivered three times at once
        SUCCEED_CALLBACK_TRIPLICATED,
        // SUCCEEDED, then a stale PROCESSING callback arrives after it (out of order)
        SUCCEED_THEN_STALE_PROCESSING,
        // withholdings on this card fail with INSUFFICIENT_BALANCE (payouts to it succeed)
        WITHHOLDING_INSUFFICIENT_BALANCE;

        static Behaviour forCard(String card) {
            return switch (card) {
                case "6217000000000006" -> BUSY_TWICE_THEN_SUCCEED;
                case "6228480000000007" -> FAIL_CARD_INVALID;
                case "6222600000000006" -> SUCCEED_CALLBACK_LOST;
                case "6217000000000105" -> SUCCEED_CALLBACK_TRIPLICATED;
                case "6217000000000204" -> SUCCEED_THEN_STALE_PROCESSING;
                case "6217000000000303" -> WITHHOLDING_INSUFFICIENT_BALANCE;
                default -> SUCCEED;
            };
        }
    }

    boolean failed() {
        return behaviour == Behaviour.FAIL_CARD_INVALID
                || (WITHHOLDING.equals(kind) && behaviour == Behaviour.WITHHOLDING_INSUFFICIENT_BALANCE);
    }

    /** Accepted requests only: a request the channel answered BUSY to every time moved no money. */
    boolean accepted() {
        return !"BUSY".equals(status);
    }

    /** The request's final result as the channel reports it, in a callback, to a status query and on the statement. */
    Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestId", requestId);
        result.put("channelTransactionId", channelTxnId);
        result.put("status", failed() ? "FAILED" : "SUCCEEDED");
        result.put("failureCode", !failed() ? null
                : behaviour == Behaviour.FAIL_CARD_INVALID ? "CARD_INVALID" : "INSUFFICIENT_BALANCE");
        if (acceptedAt != null) {
            // when the channel accepted (and, for a withholding, debited) it, in the channel's own day, as real
            // channels' notifications carry a transaction time: the merchant dates the money by it, not by arrival
            result.put("acceptedAt", acceptedAt.toString());
        }
        return result;
    }

    /** This record as it is once a retry was accepted at {@code at}. */
    SandboxPayout acceptedAt(LocalDateTime at) {
        return new SandboxPayout(requestId, merchantId, amount, cardEnc, cardLast4, behaviour, attempts + 1, "ACCEPTED",
                channelTxnId, notifyUrl, createdAt, version + 1, kind, at);
    }

    /** What a channel sends while it is still working on the request. */
    Map<String, Object> processing() {
        Map<String, Object> result = result();
        result.put("status", "PROCESSING");
        result.put("failureCode", null);
        return result;
    }
}
