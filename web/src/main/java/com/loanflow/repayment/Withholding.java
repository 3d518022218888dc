package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One request to debit the borrower's card at the channel for a repayment. Unique per (loan, installment, attempt)
 * and per request id; the money goes from the card to the lender's depository account, never through the platform.
 */
public record Withholding(String id, String repaymentId, String loanId, int installmentSeq, int attempt,
                          String requestId, String channel, BigDecimal amount, Status status, String channelTxnId,
                          String failureCode, LocalDateTime createdAt, LocalDateTime updatedAt, int version) {

    /** REQUESTED → SENT → SUCCEEDED / FAILED; a callback may overtake the "sent" mark, so REQUESTED may end too. */
    public enum Status {
        REQUESTED, SENT, SUCCEEDED, FAILED;

        private static final Map<Status, Set<Status>> ALLOWED = Map.of(
                REQUESTED, EnumSet.of(SENT, SUCCEEDED, FAILED),
                SENT, EnumSet.of(SUCCEEDED, FAILED),
                SUCCEEDED, EnumSet.noneOf(Status.class),
                FAILED, EnumSet.noneOf(Status.class));

        public boolean canMoveTo(Status next) {
            return ALLOWED.get(this).contains(next);
        }
    }
}
