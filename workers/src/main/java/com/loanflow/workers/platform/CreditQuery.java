package com.loanflow.workers.platform;

import java.time.Instant;

/**
 * One bureau query (or cache hit) as the platform's credit query log records it: why (purpose), on which consent,
 * whether the bureau was actually asked. queryId is unique per attempt, so a repeated POST records it once.
 */
public record CreditQuery(String queryId, String purpose, String consentId, String agreementVersion,
                          boolean cacheHit, Instant queriedAt) {

    public static final String LOAN_APPLICATION = "LOAN_APPLICATION";
}
