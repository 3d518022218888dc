package com.loanflow.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record LoanApplication(String id, String borrowerId, String idempotencyKey, BigDecimal requestedAmount,
                              int termMonths, String bankCardEnc, String bankCardIdx, String bankCardMasked,
                              String purpose, ApplicationStatus status, String reasonCodes, BigDecimal creditLimit,
                              BigDecimal aprPercent, BigDecimal approvedAmount, String loanId, String clientIp,
                              LocalDateTime createdAt, LocalDateTime updatedAt, int version) {

    public static final String TABLE = "loan_application";

    public LoanApplication withStatus(ApplicationStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalApplicationTransition(id, status, next);
        }
        return new LoanApplication(id, borrowerId, idempotencyKey, requestedAmount, termMonths, bankCardEnc,
                bankCardIdx, bankCardMasked, purpose, next, reasonCodes, creditLimit, aprPercent, approvedAmount,
                loanId, clientIp, createdAt, updatedAt, version);
    }

    public static class IllegalApplicationTransition extends IllegalStateException {
        IllegalApplicationTransition(String id, ApplicationStatus from, ApplicationStatus to) {
            super("Application " + id + " cannot move from " + from + " to " + to);
        }
    }
}
