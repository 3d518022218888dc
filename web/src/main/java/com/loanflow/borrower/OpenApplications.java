package com.loanflow.borrower;

/** What the borrower feature needs to know of applications, implemented by the application feature. */
public interface OpenApplications {

    boolean hasOpenApplication(String borrowerId);
}
