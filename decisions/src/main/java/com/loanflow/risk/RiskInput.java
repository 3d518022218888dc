package com.loanflow.risk;

import java.math.BigDecimal;

/** Everything one risk assessment looks at. */
public record RiskInput(String applicationId, int applicantAge, boolean identityVerified, boolean blacklistHit,
                        int platformApplicationsLast90Days, BigDecimal requestedAmount, int termMonths,
                        CreditBureauReport report) {
}
