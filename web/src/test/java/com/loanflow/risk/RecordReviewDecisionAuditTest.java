package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.loanflow.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RecordReviewDecisionAuditTest {

    @Test
    @SuppressWarnings("unchecked")
    void aReviewDecisionIsAuditedWithTheReviewerWhoCompletedTheTaskAndWithoutTheComment() {
        RiskMapper mapper = mock(RiskMapper.class);
        AuditLog auditLog = mock(AuditLog.class);
        DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
        when(execution.getVariable("reviewDecision")).thenReturn("REJECT");
        when(execution.getVariable("reviewComment")).thenReturn("Called 13800000002, income not confirmed");
        when(execution.getProcessBusinessKey()).thenReturn("application-1");
        when(execution.getProcessInstanceId()).thenReturn("instance-1");
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(new Authentication("reviewer1", List.of("reviewers")));

        new RecordReviewDecisionDelegate(mapper, mock(HistoryService.class), Clock.systemUTC(), auditLog)
                .execute(execution);

        ArgumentCaptor<Map<String, ?>> details = ArgumentCaptor.forClass(Map.class);
        verify(auditLog).record(eq("reviewer1"), eq("REVIEW_DECISION"), eq("LOAN_APPLICATION"), eq("application-1"),
                details.capture());
        Map<String, Object> recorded = Map.copyOf(details.getValue());
        assertThat(recorded).containsEntry("decision", "REJECT").containsKey("reviewDecisionId");
        assertThat(details.getValue().toString()).doesNotContain("13800000002").doesNotContain("income");
        verify(mapper).insertReviewDecision(any(), eq("application-1"), eq("reviewer1"), eq("REJECT"), any(), any());
    }
}
