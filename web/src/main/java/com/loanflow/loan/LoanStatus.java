package com.loanflow.loan;

public enum LoanStatus {
    ACTIVE, SETTLED;

    public boolean canMoveTo(LoanStatus next) {
        return this == ACTIVE && next == SETTLED;
    }
}
