package com.loanflow.borrower;

import java.time.LocalDateTime;

/**
 * What a borrower agreed to, which version (and its text's sha256), when, and from where; {@code withdrawnAt} when
 * the borrower withdrew it (null while it holds).
 */
public record Consent(String id, String borrowerId, String consentType, String agreementVersion,
                      String documentSha256, String clientIp, String userAgent, String applicationId,
                      LocalDateTime consentedAt, LocalDateTime withdrawnAt) {

    @org.apache.ibatis.annotations.AutomapConstructor
    public Consent {
    }

    /** A consent as it is given: not withdrawn. */
    public Consent(String id, String borrowerId, String consentType, String agreementVersion, String documentSha256,
                   String clientIp, String userAgent, String applicationId, LocalDateTime consentedAt) {
        this(id, borrowerId, consentType, agreementVersion, documentSha256, clientIp, userAgent, applicationId,
                consentedAt, null);
    }

    public boolean holds() {
        return withdrawnAt == null;
    }
}
