package com.loanflow.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One installment of the schedule. {@code interestRecognised} is the part of its interest already income (by daily
 * accrual, or on receipt when paid early); {@code penaltyDue} the overdue interest accrued on its overdue principal.
 */
public record Installment(String id, String loanId, int seq, LocalDate dueDate, BigDecimal principalDue,
                          BigDecimal interestDue, BigDecimal principalPaid, BigDecimal interestPaid,
                          InstallmentStatus status, int version, BigDecimal interestRecognised, BigDecimal penaltyDue,
                          BigDecimal penaltyPaid) {

    /** SETTLED: closed by an early settlement; interest for the days not elapsed was waived (interest_due lowered). */
    public enum InstallmentStatus {
        PENDING, PARTIALLY_PAID, PAID, SETTLED;

        public boolean isClosed() {
            return this == PAID || this == SETTLED;
        }
    }

    public BigDecimal interestOwed() {
        return interestDue.subtract(interestPaid);
    }

    public BigDecimal principalOwed() {
        return principalDue.subtract(principalPaid);
    }

    public BigDecimal penaltyOwed() {
        return penaltyDue.subtract(penaltyPaid);
    }

    /** Interest accrued (recognised) but not yet paid: what a payment of interest settles first. */
    public BigDecimal accruedInterestUnpaid() {
        return interestRecognised.subtract(interestPaid).max(BigDecimal.ZERO);
    }

    public boolean isPaid() {
        return principalOwed().signum() == 0 && interestOwed().signum() == 0 && penaltyOwed().signum() == 0;
    }
}
