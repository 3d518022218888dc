package com.loanflow.application;

import com.loanflow.borrower.Borrowers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the BPMN as ${applicationStatus.change(execution, 'VERIFYING')}: the process drives the status. */
@Component("applicationStatus")
public class ApplicationStatusListener {

    private final Applications applications;
    private final Borrowers borrowers;

    ApplicationStatusListener(Applications applications, Borrowers borrowers) {
        this.applications = applications;
        this.borrowers = borrowers;
    }

    public void change(DelegateExecution execution, String status) {
        ApplicationStatus next = ApplicationStatus.valueOf(status);
        // a review shows the borrower why a person looks at it (e.g. R_BORDERLINE_SCORE)
        String reasonCodes = next == ApplicationStatus.IN_REVIEW ? (String) execution.getVariable("reasonCodes") : null;
        LoanApplication application = applications.moveTo(execution.getProcessBusinessKey(), next, reasonCodes);
        if (next == ApplicationStatus.ASSESSING) {
            // the process reaches assessment only after every identity check passed
            borrowers.markIdentityVerified(application.borrowerId());
        }
    }
}
