package com.loanflow.application;

import com.loanflow.agreement.AgreementCatalog;
import com.loanflow.agreement.AgreementType;
import com.loanflow.borrower.BorrowerMapper;
import com.loanflow.borrower.Consent;
import com.loanflow.shared.ApiException;
import java.time.LocalDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API: the borrower's credit authorization, which the bureau worker must see before it queries anything.
 * Valid means consented to the agreement's current version (a new version needs a new consent).
 */
@RestController
class CreditAuthorizationController {

    record CreditAuthorization(String consentId, String agreementVersion, String documentSha256,
                               LocalDateTime consentedAt) {
    }

    private final Applications applications;
    private final BorrowerMapper borrowers;
    private final AgreementCatalog agreements;

    CreditAuthorizationController(Applications applications, BorrowerMapper borrowers, AgreementCatalog agreements) {
        this.applications = applications;
        this.borrowers = borrowers;
        this.agreements = agreements;
    }

    @GetMapping("/internal/v1/applications/{applicationId}/credit-authorization")
    CreditAuthorization creditAuthorization(@PathVariable String applicationId) {
        String borrowerId = applications.get(applicationId).borrowerId();
        String currentVersion = agreements.current().stream()
                .filter(a -> a.type() == AgreementType.CREDIT_AUTHORIZATION).findFirst()
                .orElseThrow().version();
        Consent consent = borrowers.findConsents(borrowerId, AgreementType.CREDIT_AUTHORIZATION.name()).stream()
                .filter(c -> c.agreementVersion().equals(currentVersion)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "CREDIT_AUTHORIZATION_MISSING",
                        "No consent to the current credit authorization " + currentVersion));
        return new CreditAuthorization(consent.id(), consent.agreementVersion(), consent.documentSha256(),
                consent.consentedAt());
    }
}
