package com.loanflow.application;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.device.ClientIps;
import com.loanflow.device.DeviceLog;
import com.loanflow.device.UnexpectedFields;
import com.loanflow.risk.ReasonCodeDescriptions;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApplicationController {

    record Reason(String code, String description) {
    }

    /**
     * @param nominalApr the schedule's nominal annual rate; the APR disclosed before signing (the IRR of the actual
     *                   cash flows, with any fee) is the contract's, GET /api/v1/applications/{id}/contract/pricing
     */
    /**
     * @param adverseFactors what raised the model's probability of default most (its top three adverse factors), in
     *                       plain language, once the application is decided or in review; empty without a model score
     * @param reapplyFrom    for a declined application, the first day the borrower may apply again
     * @param creditLimitReason for a repeat borrower's approval, why the limit is what it is (rose after on-time
     *                       repayments, held after a late one, capped by the tier); null for a first loan
     */
    record Decision(String outcome, List<String> reasonCodes, List<Reason> reasons, List<Reason> adverseFactors,
                    String creditLimit, String nominalApr, String approvedAmount, java.time.LocalDate reapplyFrom,
                    Reason creditLimitReason) {
    }

    record ApplicationView(String applicationId, ApplicationStatus status, String requestedAmount, int termMonths,
                           String bankCard, Decision decision, String loanId) {
    }

    record Submitted(String applicationId, ApplicationStatus status) {
    }

    /** One line of the borrower's list: enough to pick an application; the details are at its own URL. */
    record ApplicationSummary(String applicationId, ApplicationStatus status, String requestedAmount, int termMonths,
                              java.time.LocalDateTime submittedAt, String loanId) {
    }

    static final int LIST_LIMIT = 20;

    private final Applications applications;
    private final ReasonCodeDescriptions reasonDescriptions;
    private final ClientIps clientIps;
    private final DeviceLog deviceLog;
    private final TransactionTemplate transaction;

    ApplicationController(Applications applications, ReasonCodeDescriptions reasonDescriptions, ClientIps clientIps,
                          DeviceLog deviceLog, TransactionTemplate transaction) {
        this.applications = applications;
        this.reasonDescriptions = reasonDescriptions;
        this.clientIps = clientIps;
        this.deviceLog = deviceLog;
        this.transaction = transaction;
    }

    @PostMapping("/api/v1/applications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Submitted submit(BorrowerPrincipal principal, @RequestHeader("Idempotency-Key") String idempotencyKey,
                     @Valid @RequestBody ApplicationRequest request, HttpServletRequest http) {
        if (!idempotencyKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiException.invalidField("Idempotency-Key", "must be 8 to 64 characters of A-Z, a-z, 0-9, _ or -");
        }
        refuseUncollectedFields(request);
        String clientIp = clientIps.of(http);
        // one transaction: the device/behaviour row exists exactly when the application does
        LoanApplication application = transaction.execute(status -> {
            LoanApplication submitted = applications.submit(principal.borrowerId(), idempotencyKey, request, clientIp);
            deviceLog.recordSubmission(submitted.id(), principal.borrowerId(), request.device(), clientIp);
            return submitted;
        });
        return new Submitted(application.id(), application.status());
    }

    /** The borrower's own applications, newest first, at most 20 (a borrower has one open at a time). */
    @GetMapping("/api/v1/applications")
    List<ApplicationSummary> list(BorrowerPrincipal principal) {
        return applications.listOwned(principal.borrowerId(), LIST_LIMIT).stream()
                .map(a -> new ApplicationSummary(a.id(), a.status(), Money.format(a.requestedAmount()),
                        a.termMonths(), a.createdAt(), a.loanId()))
                .toList();
    }

    @GetMapping("/api/v1/applications/{id}")
    ApplicationView get(BorrowerPrincipal principal, @PathVariable String id) {
        LoanApplication a = applications.getOwned(principal.borrowerId(), id);
        return new ApplicationView(a.id(), a.status(), Money.format(a.requestedAmount()), a.termMonths(),
                a.bankCardMasked(), decision(a), a.loanId());
    }

    /** Withdraw the application while it is in review or approved but unsigned: 200 with it, now CANCELLED. */
    @PostMapping("/api/v1/applications/{id}/withdrawal")
    ApplicationView withdraw(BorrowerPrincipal principal, @PathVariable String id) {
        applications.withdraw(principal.borrowerId(), id);
        return get(principal, id);
    }

    private static void refuseUncollectedFields(ApplicationRequest request) {
        var errors = new ArrayList<>(UnexpectedFields.of("", request.unexpectedFields()));
        if (request.device() != null) {
            errors.addAll(UnexpectedFields.of("device.", request.device().unexpectedFields()));
        }
        UnexpectedFields.refuse(errors);
    }

    private Decision decision(LoanApplication a) {
        String outcome = switch (a.status()) {
            case SUBMITTED, VERIFYING, ASSESSING, CANCELLED -> null;
            case IN_REVIEW -> "REVIEW";
            case REJECTED -> "REJECTED";
            default -> "APPROVED";
        };
        if (outcome == null && a.reasonCodes() == null) {
            return null;
        }
        List<String> codes = a.reasonCodes() == null || a.reasonCodes().isBlank()
                ? List.of() : Arrays.asList(a.reasonCodes().split(","));
        List<Reason> reasons = codes.stream().map(c -> new Reason(c, reasonDescriptions.describe(c))).toList();
        List<Reason> factors = outcome == null ? List.of() : reasonDescriptions.adverseFactors(a.id()).stream()
                .map(f -> new Reason(f.code(), f.description())).toList();
        Reason limitReason = a.creditLimit() == null ? null : reasonDescriptions.limitReason(a.id())
                .map(f -> new Reason(f.code(), f.description())).orElse(null);
        return new Decision(outcome, codes, reasons, factors, Money.format(a.creditLimit()), percent(a),
                Money.format(a.approvedAmount()), applications.reapplyFrom(a), limitReason);
    }

    private static String percent(LoanApplication a) {
        return a.aprPercent() == null ? null : a.aprPercent().toPlainString() + "%";
    }
}
