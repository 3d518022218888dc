package com.loanflow.payment;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A permanent payout failure ends the application; the borrower is told through the status event (SMS). */
@Component("recordDisbursementFailureDelegate")
class RecordDisbursementFailureDelegate implements JavaDelegate {

    private final Applications applications;

    RecordDisbursementFailureDelegate(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("payoutFailureCode");
        applications.moveTo(execution.getProcessBusinessKey(), ApplicationStatus.DISBURSEMENT_FAILED,
                "D_" + (code == null ? "PAYOUT_FAILED" : code));
    }
}
