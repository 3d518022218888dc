package com.loanflow.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Installment(String id, String loanId, int seq, LocalDate dueDate, BigDecimal principalDue,
                          BigDecimal interestDue, BigDecimal principalPaid, BigDecimal interestPaid,
                          InstallmentStatus status, int version) {

    public enum InstallmentStatus { PENDING, PARTIALLY_PAID, PAID }

    public BigDecimal interestOwed() {
        return interestDue.subtract(interestPaid);
    }

    public BigDecimal principalOwed() {
        return principalDue.subtract(principalPaid);
    }
}
