package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Money received for a loan, applied only once it is known to have arrived: a CARD_WITHHOLDING stays PENDING until
 * the channel's signed callback confirms the debit (APPLIED) or not (FAILED); a BANK_TRANSFER is recorded PENDING by
 * one operator from the bank statement line (bankReference, unique) and APPLIED (or REJECTED) by another. REFUND_DUE: money arrived that the loan no longer
 * owed (it was settled another way); it is owed back to the borrower and applied to nothing.
 *
 * <p>{@code valueDate}: the day the money reached the lender (the bank statement line's value date, or the day the
 * channel accepted the card debit); {@code penaltyWaived}: the overdue interest accrued after that day on principal this
 * money repaid, waived when it was applied (docs/adr/0028-value-dated-bank-transfers.md).
 */
public record Repayment(String id, String loanId, String borrowerId, String idempotencyKey, BigDecimal amount,
                        BigDecimal principalPart, BigDecimal interestPart, String status, LocalDateTime receivedAt,
                        BigDecimal penaltyPart, String method, String bankReference, String recordedBy,
                        String decidedBy, LocalDate valueDate, BigDecimal penaltyWaived) {

    public static final String CARD_WITHHOLDING = "CARD_WITHHOLDING";
    public static final String BANK_TRANSFER = "BANK_TRANSFER";

    public static final String PENDING = "PENDING";
    public static final String APPLIED = "APPLIED";
    public static final String FAILED = "FAILED";
    public static final String REFUND_DUE = "REFUND_DUE";
    /** A REFUND_DUE amount that was paid back to the borrower (see Refund). */
    public static final String REFUNDED = "REFUNDED";
    public static final String REJECTED = "REJECTED";
}
