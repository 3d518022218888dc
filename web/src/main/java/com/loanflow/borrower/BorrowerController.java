package com.loanflow.borrower;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import com.loanflow.agreement.AgreementCatalog;
import com.loanflow.device.ClientIps;
import com.loanflow.device.DeviceLog;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BorrowerController {

    /**
     * @param creditLimit          the limit of the last approval, if any
     * @param maxApplicationAmount the most the borrower may ask for now (more once a loan here is repaid in full)
     */
    record Profile(String borrowerId, String phone, String name, String idNumber,
                   VerificationStatus verificationStatus, String creditLimit, String maxApplicationAmount) {
    }

    private final Borrowers borrowers;
    private final SessionTokens sessions;
    private final OpenApplications openApplications;
    private final LoginThrottle throttle;
    private final DeviceLog deviceLog;
    private final ClientIps clientIps;
    private final AgreementCatalog agreements;

    /** A name the contract cannot print is refused here, before any application can reach a contract. */
    private final com.loanflow.contract.template.ContractRenderer contractRenderer;

    BorrowerController(Borrowers borrowers, SessionTokens sessions, OpenApplications openApplications,
                       LoginThrottle throttle, DeviceLog deviceLog, ClientIps clientIps, AgreementCatalog agreements,
                       com.loanflow.contract.template.ContractRenderer contractRenderer) {
        this.contractRenderer = contractRenderer;
        this.agreements = agreements;
        this.throttle = throttle;
        this.deviceLog = deviceLog;
        this.clientIps = clientIps;
        this.borrowers = borrowers;
        this.sessions = sessions;
        this.openApplications = openApplications;
    }

    @PostMapping("/api/v1/borrowers")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(@Valid @RequestBody BorrowerRequests.Registration request, HttpServletRequest http) {
        String id = borrowers.register(request, clientIps.of(http), http.getHeader(HttpHeaders.USER_AGENT));
        return Map.of("borrowerId", id);
    }

    /**
     * Each current agreement, its version, whether this borrower's consent to that version is in force, and when it was
     * withdrawn if the borrower withdrew it (and has not consented again since).
     */
    record ConsentStatus(String type, String title, String currentVersion, boolean consented,
                         java.time.LocalDateTime withdrawnAt) {
    }

    @GetMapping("/api/v1/borrowers/me/consents")
    List<ConsentStatus> consents(BorrowerPrincipal principal) {
        var missing = borrowers.missingConsents(principal.borrowerId());
        return agreements.current().stream().map(a -> {
            boolean consented = !missing.contains(a);
            return new ConsentStatus(a.type().name(), a.type().title(), a.version(), consented,
                    consented ? null : borrowers.lastWithdrawal(principal.borrowerId(), a.type()).orElse(null));
        }).toList();
    }

    /**
     * Withdraw consent to an agreement (PIPL art. 15): recorded with time, IP and user agent; applying asks for it
     * again. 409 where an application in progress or an open loan still relies on it. Repeating it changes nothing.
     */
    @PostMapping("/api/v1/borrowers/me/consents/{type}/withdrawal")
    List<ConsentStatus> withdrawConsent(BorrowerPrincipal principal, @PathVariable String type, HttpServletRequest http) {
        borrowers.withdrawConsent(principal.borrowerId(), type, clientIps.of(http), http.getHeader(HttpHeaders.USER_AGENT),
                openApplications);
        return consents(principal);
    }

    /** Consent to agreements published since registration (time, IP and user agent are recorded). */
    @PostMapping("/api/v1/borrowers/me/consents")
    @ResponseStatus(HttpStatus.CREATED)
    List<ConsentStatus> consent(BorrowerPrincipal principal, @Valid @RequestBody BorrowerRequests.Consents request,
                                HttpServletRequest http) {
        borrowers.consent(principal.borrowerId(), request.consents(), clientIps.of(http),
                http.getHeader(HttpHeaders.USER_AGENT));
        return consents(principal);
    }

    @PostMapping("/api/v1/sessions")
    Map<String, String> login(@Valid @RequestBody BorrowerRequests.Login request, HttpServletRequest http) {
        if (!throttle.tryAttempt(request.phone())) {
            throw LoginThrottle.lockedOut();
        }
        String borrowerId = borrowers.authenticate(request.phone(), request.password()).orElse(null);
        if (borrowerId == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "Phone number or password is wrong");
        }
        throttle.succeeded(request.phone());
        // the session first: it is refused for an account closed meanwhile, which then gets no device log either
        String token = sessions.issue(borrowerId);
        // behaviour log for risk analysis (hashed IP, 180-day retention, docs/adr/0013)
        deviceLog.recordLogin(borrowerId, null, clientIps.of(http));
        return Map.of("token", token);
    }

    /** A new password ends every session of the borrower, on every node. */
    @PutMapping("/api/v1/borrowers/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(BorrowerPrincipal principal, @Valid @RequestBody BorrowerRequests.PasswordChange request) {
        borrowers.changePassword(principal.borrowerId(), request.currentPassword(), request.newPassword());
    }

    @PostMapping("/api/v1/sessions/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(BorrowerPrincipal principal) {
        sessions.revoke(principal.token());
    }

    @GetMapping("/api/v1/borrowers/me")
    Profile me(BorrowerPrincipal principal) {
        Borrower b = borrowers.get(principal.borrowerId());
        BigDecimal limit = b.creditLimit();
        return new Profile(b.id(), b.phoneMasked(), b.nameMasked(), b.idNumberMasked(), b.verificationStatus(),
                Money.format(limit), Money.format(openApplications.maxApplicationAmount(b.id())));
    }

    @PutMapping("/api/v1/borrowers/me/identity")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> submitIdentity(BorrowerPrincipal principal, @Valid @RequestBody BorrowerRequests.Identity request) {
        contractRenderer.firstUnprintable(request.name()).ifPresent(c -> {
            throw ApiException.invalidField("name", "has a character the loan contract cannot print yet (U+"
                    + Integer.toHexString(c).toUpperCase() + "); please contact customer service");
        });
        borrowers.submitIdentity(principal.borrowerId(), request, openApplications);
        return Map.of("verificationStatus", VerificationStatus.SUBMITTED.name());
    }
}
