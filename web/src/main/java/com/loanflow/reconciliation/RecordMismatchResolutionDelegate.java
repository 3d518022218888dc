package com.loanflow.reconciliation;

import com.loanflow.platform.TaskCompletions;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Writes the operator's resolution onto the mismatch row, so the run's record shows how each difference ended.
 *
 * <p>From facts an engine user cannot set by hand: the mismatch is the process's business key (not a variable that
 * could name another mismatch); the resolution is one the deciding task offers (a write-off only from the
 * administrators' escalation task); the decider is the user the engine logged completing that task, and must be in
 * the task's group. A process moved here by modification, or completed with a value its form does not offer, gets
 * an error and records nothing.
 */
@Component("recordMismatchResolutionDelegate")
class RecordMismatchResolutionDelegate implements JavaDelegate {

    static final String OPS_TASK = "Task_ResolveMismatch";
    static final String ESCALATION_TASK = "Task_ReviewEscalatedMismatch";
    static final Set<String> OPS_RESOLUTIONS = Set.of("CORRECTED_ON_OUR_SIDE", "CORRECTED_BY_CHANNEL");
    static final Set<String> ESCALATED_RESOLUTIONS = Set.of("CORRECTED_ON_OUR_SIDE", "CORRECTED_BY_CHANNEL", "WRITTEN_OFF");

    private final Reconciliations reconciliations;
    private final HistoryService history;
    private final IdentityService identity;

    RecordMismatchResolutionDelegate(Reconciliations reconciliations, HistoryService history, IdentityService identity) {
        this.reconciliations = reconciliations;
        this.history = history;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String mismatchId = execution.getProcessBusinessKey();
        String resolution = (String) execution.getVariable("resolution");
        String processInstanceId = execution.getProcessInstanceId();
        boolean escalated = completed(processInstanceId, ESCALATION_TASK) != null;
        HistoricTaskInstance deciding = completed(processInstanceId, escalated ? ESCALATION_TASK : OPS_TASK);
        if (deciding == null) {
            throw new IllegalStateException("Mismatch " + mismatchId + " has no completed resolution task");
        }
        if (!(escalated ? ESCALATED_RESOLUTIONS : OPS_RESOLUTIONS).contains(resolution)) {
            throw new IllegalStateException("Resolution " + resolution + " is not one " + deciding.getTaskDefinitionKey()
                    + " offers");
        }
        String decider = TaskCompletions.completedBy(history, deciding);
        String group = escalated ? "camunda-admin" : "ops";
        if (decider == null || identity.createUserQuery().userId(decider).memberOfGroup(group).count() == 0) {
            throw new IllegalStateException("Mismatch " + mismatchId + " was resolved by " + decider
                    + ", who is not in " + group);
        }
        reconciliations.recordResolution(mismatchId, resolution, decider);
    }

    private HistoricTaskInstance completed(String processInstanceId, String taskKey) {
        return TaskCompletions.latestCompleted(history, processInstanceId, taskKey);
    }
}
