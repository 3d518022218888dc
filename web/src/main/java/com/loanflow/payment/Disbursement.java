package com.loanflow.payment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One payout per application (unique key), identified to the channel by its request id. {@code amount} is what
 * reaches the card: the principal less the contract's service fee ({@code feeAmount}), which the lender keeps.
 */
public record Disbursement(String id, String applicationId, String requestId, String channel, BigDecimal amount,
                           String bankCardEnc, DisbursementStatus status, String channelTxnId, String failureCode,
                           LocalDateTime createdAt, LocalDateTime updatedAt, int version, BigDecimal feeAmount) {

    public static final String TABLE = "disbursement";

    public BigDecimal principal() {
        return amount.add(feeAmount);
    }
}
