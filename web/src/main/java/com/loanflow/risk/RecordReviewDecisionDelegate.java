package com.loanflow.risk;

import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/** Records who decided a manual review, what and why; a rejection becomes reason code R_REVIEW_REJECTED. */
@Component("recordReviewDecisionDelegate")
class RecordReviewDecisionDelegate implements JavaDelegate {

    private final RiskMapper mapper;
    private final HistoryService history;
    private final Clock clock;

    RecordReviewDecisionDelegate(RiskMapper mapper, HistoryService history, Clock clock) {
        this.mapper = mapper;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable("reviewDecision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new IllegalStateException("reviewDecision must be APPROVE or REJECT, was " + decision);
        }
        String comment = (String) execution.getVariable("reviewComment");
        mapper.insertReviewDecision(Ids.newId(), execution.getProcessBusinessKey(), reviewer(execution), decision,
                comment, LocalDateTime.now(clock));
        if ("REJECT".equals(decision)) {
            execution.setVariable("reasonCodes", "R_REVIEW_REJECTED");
        }
    }

    private String reviewer(DelegateExecution execution) {
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
