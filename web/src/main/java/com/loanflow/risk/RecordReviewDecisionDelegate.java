package com.loanflow.risk;

import com.loanflow.audit.AuditLog;
import com.loanflow.platform.TaskCompletions;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Records who decided a manual review, what and why, and appends it to the audit log (without the free-text
 * comment, which may name the applicant). A rejection must give one of {@link ReviewRejectionReasons}; the applicant's
 * reason codes become R_REVIEW_REJECTED, that reason and the reasons the application was reviewed for.
 *
 * <p>A review decision is recorded only from facts an engine user cannot set by hand: a completed review task of this
 * process, the user the engine logged completing it, that user's membership of the review group the risk decision
 * routed the application to (a senior-only case is not decided by a reviewer the task was re-offered to), and a risk
 * decision that asked for a review. A process moved here by modification, with made-up variables, gets an incident.
 */
@Component("recordReviewDecisionDelegate")
class RecordReviewDecisionDelegate implements JavaDelegate {

    static final String REVIEW_TASK = "Task_ReviewApplication";

    private final RiskMapper mapper;
    private final HistoryService history;
    private final IdentityService identity;
    private final Clock clock;
    private final AuditLog auditLog;

    RecordReviewDecisionDelegate(RiskMapper mapper, HistoryService history, IdentityService identity, Clock clock,
                                 AuditLog auditLog) {
        this.mapper = mapper;
        this.history = history;
        this.identity = identity;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = execution.getProcessBusinessKey();
        String decision = (String) execution.getVariable("reviewDecision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new IllegalStateException("reviewDecision must be APPROVE or REJECT");
        }
        DecisionRecord risk = mapper.findDecision(applicationId)
                .orElseThrow(() -> new IllegalStateException("No risk decision for " + applicationId));
        if (!"REVIEW".equals(risk.outcome())) {
            throw new IllegalStateException("Application " + applicationId + " was decided " + risk.outcome()
                    + " automatically; it has no review to record");
        }
        String reviewer = reviewer(execution.getProcessInstanceId(), applicationId);
        String group = risk.reviewGroup() == null ? "reviewers" : risk.reviewGroup();
        if (identity.createUserQuery().userId(reviewer).memberOfGroup(group).count() == 0) {
            throw new IllegalStateException(reviewer + " completed the review of " + applicationId
                    + " but is not in " + group + ", the group its risk decision routed it to");
        }
        String rejectionReason = null;
        if ("REJECT".equals(decision)) {
            Object reason = execution.getVariable(ReviewRejectionReasons.FIELD);
            if (ReviewRejectionReasons.isReason(reason)) {
                rejectionReason = (String) reason;
            } else if (reason != null || asksForAReason(execution)) {   // completed without the form's validator
                throw new IllegalStateException("The rejection of " + applicationId + " gives no reason the applicant"
                        + " can be told: " + ReviewRejectionReasons.FIELD + " must be one of "
                        + ReviewRejectionReasons.CODES);
            }
            // else a review task of a process version from before the field: rejected without a reviewer's reason
        }
        String comment = (String) execution.getVariable("reviewComment");
        String id = Ids.newId();
        mapper.insertReviewDecision(id, applicationId, reviewer, decision, comment, rejectionReason,
                LocalDateTime.now(clock));
        auditLog.record(reviewer, "REVIEW_DECISION", "LOAN_APPLICATION", applicationId,
                Map.of("decision", decision, "reviewDecisionId", id,
                        "processInstanceId", execution.getProcessInstanceId()));
        if ("REJECT".equals(decision)) {
            execution.setVariable("reasonCodes", rejectionReasonCodes(rejectionReason, risk.reasonCodes()));
        }
    }

    /** Whether this instance's process version has the form field (a review open at an upgrade keeps its version). */
    private static boolean asksForAReason(DelegateExecution execution) {
        return execution.getBpmnModelInstance().getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField.class).stream()
                .anyMatch(field -> ReviewRejectionReasons.FIELD.equals(field.getCamundaId()));
    }

    /**
     * What the applicant is told: rejected in review, the reviewer's reason, then why the application was reviewed
     * (the risk decision's route reason and flags), each once.
     */
    static String rejectionReasonCodes(String rejectionReason, String routedFor) {
        var codes = new java.util.LinkedHashSet<String>();
        codes.add("R_REVIEW_REJECTED");
        if (rejectionReason != null) {
            codes.add(rejectionReason);
        }
        codes.addAll(DecisionRecord.codes(routedFor));
        return String.join(",", codes);
    }

    /** Who completed the latest completed review task ({@link TaskCompletions}); never a process variable. */
    private String reviewer(String processInstanceId, String applicationId) {
        HistoricTaskInstance review = TaskCompletions.latestCompleted(history, processInstanceId, REVIEW_TASK);
        if (review == null) {
            throw new IllegalStateException("No completed review task for " + applicationId
                    + "; a review decision is recorded only from a reviewer's completed task");
        }
        String reviewer = TaskCompletions.completedBy(history, review);
        if (reviewer == null) {
            throw new IllegalStateException("The review task of " + applicationId + " was completed by no known user");
        }
        return reviewer;
    }
}
