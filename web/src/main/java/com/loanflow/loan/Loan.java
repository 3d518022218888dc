package com.loanflow.loan;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record Loan(String id, String applicationId, String borrowerId, BigDecimal principal, BigDecimal aprPercent,
                   int termMonths, BigDecimal outstandingPrincipal, BigDecimal outstandingInterest, LoanStatus status,
                   LocalDateTime disbursedAt, LocalDateTime settledAt, int version) {

    public BigDecimal outstanding() {
        return outstandingPrincipal.add(outstandingInterest);
    }
}
