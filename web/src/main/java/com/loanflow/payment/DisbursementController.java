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

    record Refusal(@jakarta.validation.constraints.Size(max = 64) String code) {
    }

    /** The channel refused the request outright; answers the failure code recorded (for the BPMN error). */
    @PostMapping("/internal/v1/disbursements/{disbursementId}/refused")
    java.util.Map<String, String> refused(@PathVariable String disbursementId,
                                          @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody
                                          Refusal refusal) {
        return java.util.Map.of("failureCode", disbursements.markRefused(disbursementId, refusal.code()));
    }

    @PostMapping("/internal/v1/disbursements/{disbursementId}/sent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sent(@PathVariable String disbursementId) {
        disbursements.markSent(disbursementId);
    }
}
