package com.loanflow.payment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal API for the send-payout worker (see docs/architecture.md). */
@RestController
class DisbursementController {

    private final Disbursements disbursements;

    DisbursementController(Disbursements disbursements) {
        this.disbursements = disbursements;
    }

    @PostMapping("/internal/v1/applications/{applicationId}/disbursement")
    Disbursements.PayoutOrder request(@PathVariable String applicationId) {
        return disbursements.request(applicationId);
    }

    @PostMapping("/internal/v1/disbursements/{disbursementId}/sent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sent(@PathVariable String disbursementId) {
        disbursements.markSent(disbursementId);
    }
}
