package com.loanflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the application as CANCELLED (review or signature timed out). */
@Component("cancelApplicationDelegate")
class CancelApplicationDelegate implements JavaDelegate {

    private final Applications applications;

    CancelApplicationDelegate(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariable("cancellationReason");
        applications.moveTo(execution.getProcessBusinessKey(), ApplicationStatus.CANCELLED,
                reason == null ? "R_CANCELLED" : reason);
    }
}
