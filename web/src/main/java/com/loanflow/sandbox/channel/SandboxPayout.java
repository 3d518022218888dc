package com.loanflow.sandbox.channel;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The sandbox channel's own record of a payout request (a real channel keeps this on its side). */
record SandboxPayout(String requestId, String merchantId, BigDecimal amount, String cardEnc, String cardLast4,
                     Behaviour behaviour, int attempts, String status, String channelTxnId, String notifyUrl,
                     LocalDateTime createdAt, int version) {

    static final String TABLE = "sandbox_channel_payout";

    /** Documented test cards decide how the sandbox behaves, like a real provider's test card numbers. */
    enum Behaviour {
        // SUCCEED_CALLBACK_LOST: paid, but the callback never arrives; only the merchant's status query finds out
        SUCCEED, BUSY_TWICE_THEN_SUCCEED, FAIL_CARD_INVALID, SUCCEED_CALLBACK_LOST;

        static Behaviour forCard(String card) {
            return switch (card) {
                case "6217000000000006" -> BUSY_TWICE_THEN_SUCCEED;
                case "6228480000000007" -> FAIL_CARD_INVALID;
                case "6222600000000006" -> SUCCEED_CALLBACK_LOST;
                default -> SUCCEED;
            };
        }
    }

    /** The payout's final result as the channel reports it, in a callback or to a status query. */
    java.util.Map<String, Object> result() {
        boolean failed = behaviour == Behaviour.FAIL_CARD_INVALID;
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("requestId", requestId);
        result.put("channelTransactionId", channelTxnId);
        result.put("status", failed ? "FAILED" : "SUCCEEDED");
        result.put("failureCode", failed ? "CARD_INVALID" : null);
        return result;
    }
}
