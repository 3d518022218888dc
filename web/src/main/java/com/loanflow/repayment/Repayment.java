package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Money received for a loan. DIRECT repayments are APPLIED at once; CARD_WITHHOLDING ones stay PENDING until the
 * channel's signed callback confirms the card was debited (APPLIED) or not (FAILED).
 */
public record Repayment(String id, String loanId, String borrowerId, String idempotencyKey, BigDecimal amount,
                        BigDecimal principalPart, BigDecimal interestPart, String status, LocalDateTime receivedAt,
                        BigDecimal penaltyPart, String method) {

    public static final String DIRECT = "DIRECT";
    public static final String CARD_WITHHOLDING = "CARD_WITHHOLDING";
}
