package com.loanflow.application;

import com.loanflow.agreement.AgreementCatalog;
import com.loanflow.agreement.AgreementType;
import com.loanflow.borrower.BorrowerMapper;
import com.loanflow.borrower.Consent;
import com.loanflow.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API: the borrower's credit authorization, which the bureau worker must see before it queries anything,
 * and the credit query log the worker writes each query to. Valid means consented to the agreement's current
 * version (a new version needs a new consent).
 */
@RestController
class CreditAuthorizationController {

    record CreditAuthorization(String consentId, String agreementVersion, String documentSha256,
                               LocalDateTime consentedAt) {
    }

    /** A bureau query as the worker reports it; queryId identifies the attempt (a repeated POST is one row). */
    record CreditQuery(String queryId, String purpose, String consentId, String agreementVersion, Boolean cacheHit,
                       Instant queriedAt) {
    }

    static final java.time.Duration QUERY_CLOCK_SKEW = java.time.Duration.ofMinutes(5);
    static final java.time.Duration QUERY_MAX_AGE = java.time.Duration.ofDays(7);

    /** Why a bureau may be asked; the credit authorization covers loan applications only. */
    static final Set<String> PURPOSES = Set.of("LOAN_APPLICATION");

    private final Applications applications;
    private final BorrowerMapper borrowers;
    private final AgreementCatalog agreements;
    private final CreditQueryLogMapper queryLog;
    private final Clock clock;

    CreditAuthorizationController(Applications applications, BorrowerMapper borrowers, AgreementCatalog agreements,
                                  CreditQueryLogMapper queryLog, Clock clock) {
        this.applications = applications;
        this.borrowers = borrowers;
        this.agreements = agreements;
        this.queryLog = queryLog;
        this.clock = clock;
    }

    @GetMapping("/internal/v1/applications/{applicationId}/credit-authorization")
    CreditAuthorization creditAuthorization(@PathVariable String applicationId) {
        String borrowerId = applications.get(applicationId).borrowerId();
        String currentVersion = agreements.current().stream()
                .filter(a -> a.type() == AgreementType.CREDIT_AUTHORIZATION).findFirst()
                .orElseThrow().version();
        Consent consent = borrowers.findConsents(borrowerId, AgreementType.CREDIT_AUTHORIZATION.name()).stream()
                .filter(c -> c.holds() && c.agreementVersion().equals(currentVersion)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "CREDIT_AUTHORIZATION_MISSING",
                        "No consent to the current credit authorization " + currentVersion));
        return new CreditAuthorization(consent.id(), consent.agreementVersion(), consent.documentSha256(),
                consent.consentedAt());
    }

    /**
     * Records a bureau query (or the use of a cached report) in the credit query log: 201 the first time, 200 when
     * this queryId is already there. The consent must be this borrower's credit authorization in that version.
     */
    @PostMapping("/internal/v1/applications/{applicationId}/credit-queries")
    ResponseEntity<Void> recordCreditQuery(@PathVariable String applicationId, @RequestBody CreditQuery query) {
        if (query.queryId() == null || !query.queryId().matches("[0-9a-fA-F-]{8,36}")) {
            throw ApiException.invalidField("queryId", "must be a UUID");
        }
        if (query.purpose() == null || !PURPOSES.contains(query.purpose())) {
            throw ApiException.invalidField("purpose", "must be one of " + PURPOSES);
        }
        if (query.cacheHit() == null) {
            throw ApiException.invalidField("cacheHit", "is required");
        }
        if (query.queriedAt() == null) {
            throw ApiException.invalidField("queriedAt", "is required");
        }
        // the log is evidence of when the bureau was asked: a worker reports a query it just made (retries take
        // minutes); a time in the future, or older than a week, is a bug or a forgery, not a query
        Instant now = clock.instant();
        if (query.queriedAt().isAfter(now.plus(QUERY_CLOCK_SKEW)) || query.queriedAt().isBefore(now.minus(QUERY_MAX_AGE))) {
            throw ApiException.invalidField("queriedAt", "must be within the last 7 days (and not in the future)");
        }
        if (query.consentId() == null || query.consentId().length() > 36 || query.agreementVersion() == null
                || query.agreementVersion().length() > 20) {
            throw ApiException.invalidField(query.consentId() == null || query.consentId().length() > 36
                    ? "consentId" : "agreementVersion", "is required (a consent id and its agreement version)");
        }
        String borrowerId = applications.get(applicationId).borrowerId();
        boolean consentCovers = borrowers.findConsents(borrowerId, AgreementType.CREDIT_AUTHORIZATION.name()).stream()
                .anyMatch(c -> c.holds() && c.id().equals(query.consentId())
                        && c.agreementVersion().equals(query.agreementVersion()));
        if (!consentCovers) {
            throw ApiException.invalidField("consentId", "is not this borrower's credit authorization in version "
                    + query.agreementVersion());
        }
        ZoneId zone = clock.getZone();
        CreditQueryLogMapper.CreditQueryLogEntry entry = new CreditQueryLogMapper.CreditQueryLogEntry(query.queryId(),
                applicationId, query.purpose(), query.consentId(), query.agreementVersion(), query.cacheHit(),
                LocalDateTime.ofInstant(query.queriedAt(), zone), LocalDateTime.now(clock));
        int recorded;
        try {
            recorded = queryLog.insertIfAbsent(entry);
        } catch (DuplicateKeyException concurrentRepeat) {
            recorded = 0;
        }
        return ResponseEntity.status(recorded == 1 ? HttpStatus.CREATED : HttpStatus.OK).build();
    }
}
