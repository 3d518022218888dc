package com.loanflow.loan;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * An active or settled loan. {@code irrAprPercent} is the APR disclosed as the IRR of the actual cash flows (the
 * payout net of {@code serviceFee}, then the installments); {@code aprPercent} the nominal rate of the schedule.
 */
public record Loan(String id, String applicationId, String borrowerId, BigDecimal principal, BigDecimal aprPercent,
                   int termMonths, BigDecimal outstandingPrincipal, BigDecimal outstandingInterest, LoanStatus status,
                   LocalDateTime disbursedAt, LocalDateTime settledAt, int version, BigDecimal serviceFee,
                   BigDecimal irrAprPercent, BigDecimal outstandingPenalty) {

    /** The schedule to term: principal, all scheduled interest and overdue interest; what settles today is less. */
    public BigDecimal outstanding() {
        return outstandingPrincipal.add(outstandingInterest).add(outstandingPenalty);
    }
}
