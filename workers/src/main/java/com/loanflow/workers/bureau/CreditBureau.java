package com.loanflow.workers.bureau;

/**
 * The credit bureau: a report for an ID number. Throws RetryableFailure when the bureau cannot answer now.
 *
 * <p>{@code reference} is the caller's reference for the query (the platform's queryId): the bureau answers a
 * repeated reference with the report it gave, and bills it once, so a worker that asks again after a crash or a lost
 * answer does not pay for a second query.
 */
public interface CreditBureau {

    CreditReport report(String idNumber, String reference);
}
