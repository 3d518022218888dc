package com.loanflow.borrower;

public enum VerificationStatus {
    NOT_SUBMITTED, SUBMITTED, VERIFIED, FAILED
}
