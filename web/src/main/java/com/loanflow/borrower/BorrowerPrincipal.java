package com.loanflow.borrower;

/** The authenticated borrower of a request; controllers take it as a parameter. */
public record BorrowerPrincipal(String borrowerId, String token) {
}
