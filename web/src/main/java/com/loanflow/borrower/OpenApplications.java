package com.loanflow.borrower;

/** What the borrower feature needs to know of applications, implemented by the application feature. */
public interface OpenApplications {

    boolean hasOpenApplication(String borrowerId);

    /**
     * Whether the borrower's open application, if any, is still before or in its bureau query (the automatic checks),
     * when a credit authorization withdrawn now would leave the query without its legal basis.
     */
    boolean isBeingAssessed(String borrowerId);

    /** Whether the borrower's open application waits for a reviewer, who may look at the identity photos. */
    boolean isInReview(String borrowerId);

    /**
     * The most this borrower may ask for now: a first loan's maximum, or the repeat maximum once a loan here was
     * repaid in full (the approved amount is still at most the limit the decision gives).
     */
    java.math.BigDecimal maxApplicationAmount(String borrowerId);
}
