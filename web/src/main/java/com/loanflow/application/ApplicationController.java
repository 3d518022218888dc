package com.loanflow.application;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.risk.ReasonCodeDescriptions;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
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

    record Decision(String outcome, List<String> reasonCodes, List<Reason> reasons, String creditLimit, String apr,
                    String approvedAmount) {
    }

    record ApplicationView(String applicationId, ApplicationStatus status, String requestedAmount, int termMonths,
                           String bankCard, Decision decision, String loanId) {
    }

    record Submitted(String applicationId, ApplicationStatus status) {
    }

    private final Applications applications;
    private final ReasonCodeDescriptions reasonDescriptions;

    ApplicationController(Applications applications, ReasonCodeDescriptions reasonDescriptions) {
        this.applications = applications;
        this.reasonDescriptions = reasonDescriptions;
    }

    @PostMapping("/api/v1/applications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Submitted submit(BorrowerPrincipal principal, @RequestHeader("Idempotency-Key") String idempotencyKey,
                     @Valid @RequestBody ApplicationRequest request, HttpServletRequest http) {
        if (!idempotencyKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiException.invalidField("Idempotency-Key", "must be 8 to 64 characters of A-Z, a-z, 0-9, _ or -");
        }
        LoanApplication application = applications.submit(principal.borrowerId(), idempotencyKey, request,
                http.getRemoteAddr());
        return new Submitted(application.id(), application.status());
    }

    @GetMapping("/api/v1/applications/{id}")
    ApplicationView get(BorrowerPrincipal principal, @PathVariable String id) {
        LoanApplication a = applications.getOwned(principal.borrowerId(), id);
        return new ApplicationView(a.id(), a.status(), Money.format(a.requestedAmount()), a.termMonths(),
                a.bankCardMasked(), decision(a), a.loanId());
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
        return new Decision(outcome, codes, reasons, Money.format(a.creditLimit()), percent(a), Money.format(a.approvedAmount()));
    }

    private static String percent(LoanApplication a) {
        return a.aprPercent() == null ? null : a.aprPercent().toPlainString() + "%";
    }
}
