package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Money owed back to a borrower (a REFUND_DUE repayment), sent by bank transfer and approved by a second operator. */
public record Refund(String id, String repaymentId, String loanId, BigDecimal amount, String bankReference,
                     String payeeCardIdx, String payeeCardMasked, String status, String recordedBy,
                     LocalDateTime recordedAt, String decidedBy, LocalDateTime decidedAt, String reason) {

    public static final String PENDING = "PENDING";
    public static final String PAID = "PAID";
    public static final String REJECTED = "REJECTED";
}
