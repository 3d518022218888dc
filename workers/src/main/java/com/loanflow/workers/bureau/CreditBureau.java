package com.loanflow.workers.bureau;

/** The credit bureau: a report for an ID number. Throws RetryableFailure when the bureau cannot answer now. */
public interface CreditBureau {

    CreditReport report(String idNumber);
}
