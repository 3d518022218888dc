package com.loanflow.workers.identity;

import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;

/** The business outcome "this is not the applicant": a BPMN error the identity subprocess routes to rejection. */
final class IdentityMismatch {

    static final String ERROR_CODE = "IDENTITY_MISMATCH";
    static final String REASON_CODE = "R_IDENTITY";

    /**
     * Which check failed, kept as the process variable {@code identityFailure} (a code, never personal data); the two
     * OCR checks that could not confirm the card (OCR_UNREADABLE, OCR_NAME_UNCONFIRMED) go to a reviewer instead, as
     * {@code idCardOcrCheck}.
     */
    enum Check { OCR_UNREADABLE, OCR_NAME_UNCONFIRMED, OCR_MISMATCH, ID_TWO_FACTOR_MISMATCH, CARRIER_THREE_FACTOR_MISMATCH, LIVENESS_FAILED, FACE_MISMATCH }

    private IdentityMismatch() {
    }

    static void raise(ExternalTask task, ExternalTaskService service, Check check, String message) {
        service.handleBpmnError(task, ERROR_CODE, message,
                Map.of("reasonCodes", REASON_CODE, "identityFailure", check.name()));
    }
}
