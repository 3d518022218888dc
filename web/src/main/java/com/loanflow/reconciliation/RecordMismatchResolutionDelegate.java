package com.loanflow.reconciliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the operator's resolution onto the mismatch row, so the run's record shows how each difference ended. */
@Component("recordMismatchResolutionDelegate")
class RecordMismatchResolutionDelegate implements JavaDelegate {

    private final Reconciliations reconciliations;

    RecordMismatchResolutionDelegate(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? null : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        reconciliations.recordResolution((String) execution.getVariable("mismatchId"),
                (String) execution.getVariable("resolution"), user);
    }
}
