package com.loanflow.risk;

import com.loanflow.audit.AuditLog;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Records who decided a manual review, what and why, and appends it to the audit log (without the free-text
 * comment, which may name the applicant); a rejection becomes reason code R_REVIEW_REJECTED.
 */
@Component("recordReviewDecisionDelegate")
class RecordReviewDecisionDelegate implements JavaDelegate {

    private final RiskMapper mapper;
    private final HistoryService history;
    private final Clock clock;
    private final AuditLog auditLog;

    RecordReviewDecisionDelegate(RiskMapper mapper, HistoryService history, Clock clock, AuditLog auditLog) {
        this.mapper = mapper;
        this.history = history;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable("reviewDecision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new IllegalStateException("reviewDecision must be APPROVE or REJECT, was " + decision);
        }
        String comment = (String) execution.getVariable("reviewComment");
        String reviewer = reviewer(execution);
        String id = Ids.newId();
        mapper.insertReviewDecision(id, execution.getProcessBusinessKey(), reviewer, decision, comment,
                LocalDateTime.now(clock));
        auditLog.record(reviewer, "REVIEW_DECISION", "LOAN_APPLICATION", execution.getProcessBusinessKey(),
                Map.of("decision", decision, "reviewDecisionId", id,
                        "processInstanceId", execution.getProcessInstanceId()));
        if ("REJECT".equals(decision)) {
            execution.setVariable("reasonCodes", "R_REVIEW_REJECTED");
        }
    }

    private String reviewer(DelegateExecution execution) {
        // set by the review task's complete listener while the reviewer was authenticated (this runs as a job)
        if (execution.getVariable("reviewedBy") instanceof String reviewedBy && !reviewedBy.isBlank()) {
            return reviewedBy;
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewApplication").finished().orderByHistoricTaskInstanceEndTime().desc()
                .list().stream().map(HistoricTaskInstance::getAssignee).filter(a -> a != null).findFirst()
                .orElse("unknown");
    }
}
