package com.loanflow.application;

import com.loanflow.borrower.Borrowers;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the application as REJECTED with the reason codes the process gathered. */
@Component("rejectApplicationDelegate")
class RejectApplicationDelegate implements JavaDelegate {

    private final Applications applications;
    private final Borrowers borrowers;

    RejectApplicationDelegate(Applications applications, Borrowers borrowers) {
        this.applications = applications;
        this.borrowers = borrowers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reasonCodes = (String) execution.getVariable("reasonCodes");
        if (reasonCodes == null || reasonCodes.isBlank()) {
            reasonCodes = "R_UNSPECIFIED";
        }
        LoanApplication application = applications.moveTo(execution.getProcessBusinessKey(), ApplicationStatus.REJECTED,
                reasonCodes);
        if (Arrays.asList(reasonCodes.split(",")).contains("R_IDENTITY")) {
            borrowers.markIdentityFailed(application.borrowerId());
        }
    }
}
