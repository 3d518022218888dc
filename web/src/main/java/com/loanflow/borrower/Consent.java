package com.loanflow.borrower;

import java.time.LocalDateTime;

/** What a borrower agreed to, which version (and its text's sha256), when, and from where. */
public record Consent(String id, String borrowerId, String consentType, String agreementVersion,
                      String documentSha256, String clientIp, String userAgent, String applicationId,
                      LocalDateTime consentedAt) {
}
