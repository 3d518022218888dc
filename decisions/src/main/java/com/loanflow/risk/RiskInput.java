package com.loanflow.risk;

import java.math.BigDecimal;

/**
 * Everything one risk assessment looks at, and nothing personal: it is stored as JSON with the decision so the
 * decision can be replayed, so no name, ID number, phone or card may ever become a component here.
 */
public record RiskInput(String applicationId, int applicantAge, boolean identityVerified, boolean blacklistHit,
                        int platformApplicationsLast90Days, BigDecimal requestedAmount, int termMonths,
                        CreditBureauReport report, FraudIndicators fraudIndicators, PlatformHistory platformHistory) {

    public RiskInput {
        fraudIndicators = fraudIndicators == null ? FraudIndicators.NONE : fraudIndicators;
        // absent from inputs recorded before it existed: they replay as "no earlier loan", as they were decided
        platformHistory = platformHistory == null ? PlatformHistory.NONE : platformHistory;
    }

    /** An input without a platform record (a first loan, or callers from before the record was looked at). */
    public RiskInput(String applicationId, int applicantAge, boolean identityVerified, boolean blacklistHit,
                     int platformApplicationsLast90Days, BigDecimal requestedAmount, int termMonths,
                     CreditBureauReport report, FraudIndicators fraudIndicators) {
        this(applicationId, applicantAge, identityVerified, blacklistHit, platformApplicationsLast90Days,
                requestedAmount, termMonths, report, fraudIndicators, PlatformHistory.NONE);
    }

    /** An input without device or IP signals (callers from before the fraud flags). */
    public RiskInput(String applicationId, int applicantAge, boolean identityVerified, boolean blacklistHit,
                     int platformApplicationsLast90Days, BigDecimal requestedAmount, int termMonths,
                     CreditBureauReport report) {
        this(applicationId, applicantAge, identityVerified, blacklistHit, platformApplicationsLast90Days,
                requestedAmount, termMonths, report, FraudIndicators.NONE);
    }
}
