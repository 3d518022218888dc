package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.loanflow.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RecordReviewDecisionAuditTest {

    static final org.camunda.bpm.model.bpmn.BpmnModelInstance CURRENT_PROCESS =
            org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
                    RecordReviewDecisionAuditTest.class.getResourceAsStream("/bpmn/loan-application.bpmn"));

    static DecisionRecord routedToReview(String group) {
        return new DecisionRecord("d-1", "application-1", "REVIEW", "R_BORDERLINE_SCORE",
                new java.math.BigDecimal("0.2000"), "C", group, null, "r", "t", "m", "0".repeat(64), 100,
                java.time.LocalDateTime.now(), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The engine's record of the review task's completion, by {@code completedBy} (null: no one logged). */
    static HistoryService completedReview(String completedBy, String deleteReason) {
        HistoryService history = mock(HistoryService.class);
        HistoricTaskInstance task = mock(HistoricTaskInstance.class);
        when(task.getId()).thenReturn("task-1");
        when(task.getDeleteReason()).thenReturn(deleteReason);
        HistoricTaskInstanceQuery tasks = mock(HistoricTaskInstanceQuery.class, RETURNS_SELF);
        when(tasks.list()).thenReturn(List.of(task));
        when(history.createHistoricTaskInstanceQuery()).thenReturn(tasks);
        UserOperationLogEntry completion = mock(UserOperationLogEntry.class);
        when(completion.getUserId()).thenReturn(completedBy);
        UserOperationLogQuery log = mock(UserOperationLogQuery.class, RETURNS_SELF);
        when(log.list()).thenReturn(completedBy == null ? List.of() : List.of(completion));
        when(history.createUserOperationLogQuery()).thenReturn(log);
        return history;
    }

    /** An identity service in which {@code user} is a member of {@code group} and of nothing else. */
    static IdentityService members(String user, String group) {
        IdentityService identity = mock(IdentityService.class);
        when(identity.createUserQuery()).thenAnswer(invocation -> {
            String[] asked = new String[2];
            UserQuery query = mock(UserQuery.class, RETURNS_SELF);
            when(query.userId(anyString())).thenAnswer(a -> {
                asked[0] = a.getArgument(0);
                return query;
            });
            when(query.memberOfGroup(anyString())).thenAnswer(a -> {
                asked[1] = a.getArgument(0);
                return query;
            });
            when(query.count()).thenAnswer(a -> user.equals(asked[0]) && group.equals(asked[1]) ? 1L : 0L);
            return query;
        });
        return identity;
    }

    DelegateExecution execution(String decision, String reviewedByVariable) {
        DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
        when(execution.getVariable("reviewDecision")).thenReturn(decision);
        when(execution.getVariable("reviewComment")).thenReturn("Called 13800000002, income not confirmed");
        when(execution.getVariable("reviewedBy")).thenReturn(reviewedByVariable);
        when(execution.getVariable("reviewRejectionReason")).thenReturn("R_REVIEW_AFFORDABILITY");
        when(execution.getBpmnModelInstance()).thenReturn(CURRENT_PROCESS);
        when(execution.getProcessBusinessKey()).thenReturn("application-1");
        when(execution.getProcessInstanceId()).thenReturn("instance-1");
        return execution;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewDecisionIsAuditedWithTheReviewerWhoCompletedTheTaskAndWithoutTheComment() {
        RiskMapper mapper = mock(RiskMapper.class);
        when(mapper.findDecision("application-1")).thenReturn(java.util.Optional.of(routedToReview("reviewers")));
        AuditLog auditLog = mock(AuditLog.class);

        new RecordReviewDecisionDelegate(mapper, completedReview("reviewer1", "completed"),
                members("reviewer1", "reviewers"), Clock.systemUTC(), auditLog)
                .execute(execution("REJECT", "someone-else"));

        ArgumentCaptor<Map<String, ?>> details = ArgumentCaptor.forClass(Map.class);
        verify(auditLog).record(eq("reviewer1"), eq("REVIEW_DECISION"), eq("LOAN_APPLICATION"), eq("application-1"),
                details.capture());
        Map<String, Object> recorded = Map.copyOf(details.getValue());
        assertThat(recorded).containsEntry("decision", "REJECT").containsKey("reviewDecisionId");
        assertThat(details.getValue().toString()).doesNotContain("13800000002").doesNotContain("income");
        verify(mapper).insertReviewDecision(any(), eq("application-1"), eq("reviewer1"), eq("REJECT"), any(),
                eq("R_REVIEW_AFFORDABILITY"), any());
    }

    @Test
    void aDecisionWithoutACompletedReviewTaskOrBySomeoneOutsideTheRoutedGroupIsNotRecorded() {
        RiskMapper mapper = mock(RiskMapper.class);
        when(mapper.findDecision("application-1")).thenReturn(java.util.Optional.of(routedToReview("senior-reviewers")));
        AuditLog auditLog = mock(AuditLog.class);

        // the review task was cancelled by a modification, not completed; the variables name a reviewer
        assertThatThrownBy(() -> new RecordReviewDecisionDelegate(mapper, completedReview("senior1", "deleted"),
                members("senior1", "senior-reviewers"), Clock.systemUTC(), auditLog)
                .execute(execution("APPROVE", "senior1"))).hasMessageContaining("No completed review task");
        // a senior-only case completed by a reviewer it was re-offered to
        assertThatThrownBy(() -> new RecordReviewDecisionDelegate(mapper, completedReview("reviewer1", "completed"),
                members("reviewer1", "reviewers"), Clock.systemUTC(), auditLog)
                .execute(execution("APPROVE", "senior1"))).hasMessageContaining("not in senior-reviewers");
        // an application the rules approved or rejected has no review to record
        when(mapper.findDecision("application-1")).thenReturn(java.util.Optional.of(new DecisionRecord("d-1",
                "application-1", "REJECT", "R_BLACKLIST", new java.math.BigDecimal("0.2000"), "E", null, null, "r", "t",
                "m", "0".repeat(64), 100, java.time.LocalDateTime.now(), null, null, null, null, null, null, null, null,
                null, null, null, null)));
        assertThatThrownBy(() -> new RecordReviewDecisionDelegate(mapper, completedReview("senior1", "completed"),
                members("senior1", "senior-reviewers"), Clock.systemUTC(), auditLog)
                .execute(execution("APPROVE", "senior1"))).hasMessageContaining("decided REJECT automatically");

        verify(mapper, org.mockito.Mockito.never()).insertReviewDecision(any(), any(), any(), any(), any(), any(), any());
        org.mockito.Mockito.verifyNoInteractions(auditLog);
    }

    @Test
    void aRejectionTellsTheApplicantTheReviewersReasonAndWhyItWasReviewedAndNeedsAReason() {
        RiskMapper mapper = mock(RiskMapper.class);
        DecisionRecord routed = routedToReview("reviewers");
        when(mapper.findDecision("application-1")).thenReturn(java.util.Optional.of(new DecisionRecord(routed.id(),
                routed.applicationId(), "REVIEW", "R_BORDERLINE_SCORE,F_IP_BURST", routed.defaultProbability(), "C",
                "reviewers", "F_AGE", "r", "t", "m", "0".repeat(64), 100, java.time.LocalDateTime.now(), null, null,
                null, null, null, null, null, null, null, null, null, null)));
        AuditLog auditLog = mock(AuditLog.class);
        DelegateExecution rejected = execution("REJECT", "reviewer1");

        new RecordReviewDecisionDelegate(mapper, completedReview("reviewer1", "completed"),
                members("reviewer1", "reviewers"), Clock.systemUTC(), auditLog).execute(rejected);
        verify(rejected).setVariable("reasonCodes",
                "R_REVIEW_REJECTED,R_REVIEW_AFFORDABILITY,R_BORDERLINE_SCORE,F_IP_BURST");

        // completed without the form (REST /complete): no reason, nothing recorded, an incident for operations
        for (String madeUp : new String[] {"because", null}) {
            DelegateExecution unexplained = execution("REJECT", "reviewer1");
            when(unexplained.getVariable("reviewRejectionReason")).thenReturn(madeUp);
            assertThatThrownBy(() -> new RecordReviewDecisionDelegate(mapper, completedReview("reviewer1", "completed"),
                    members("reviewer1", "reviewers"), Clock.systemUTC(), auditLog).execute(unexplained))
                    .hasMessageContaining("gives no reason");
        }
        verify(mapper).insertReviewDecision(any(), any(), any(), any(), any(), any(), any());

        // a review opened before the upgrade, on a process version whose form had no reason field
        DelegateExecution legacy = execution("REJECT", "reviewer1");
        when(legacy.getVariable("reviewRejectionReason")).thenReturn(null);
        when(legacy.getBpmnModelInstance()).thenReturn(org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("p")
                .startEvent().userTask("Task_ReviewApplication").endEvent().done());
        new RecordReviewDecisionDelegate(mapper, completedReview("reviewer1", "completed"),
                members("reviewer1", "reviewers"), Clock.systemUTC(), auditLog).execute(legacy);
        verify(legacy).setVariable("reasonCodes", "R_REVIEW_REJECTED,R_BORDERLINE_SCORE,F_IP_BURST");
        verify(mapper, org.mockito.Mockito.times(2)).insertReviewDecision(any(), any(), any(), eq("REJECT"), any(),
                any(), any());

        // an approval records no reason and leaves the reasons alone
        DelegateExecution approved = execution("APPROVE", "reviewer1");
        new RecordReviewDecisionDelegate(mapper, completedReview("reviewer1", "completed"),
                members("reviewer1", "reviewers"), Clock.systemUTC(), auditLog).execute(approved);
        verify(mapper).insertReviewDecision(any(), any(), any(), eq("APPROVE"), any(), org.mockito.ArgumentMatchers.isNull(),
                any());
        verify(mapper, org.mockito.Mockito.times(3)).insertReviewDecision(any(), any(), any(), any(), any(), any(), any());
        verify(approved, org.mockito.Mockito.never()).setVariable(eq("reasonCodes"), any());
    }

    @Test
    void theReviewersReasonComesFirstAndNoCodeTwice() {
        assertThat(RecordReviewDecisionDelegate.rejectionReasonCodes("R_REVIEW_CREDIT_HISTORY", ""))
                .isEqualTo("R_REVIEW_REJECTED,R_REVIEW_CREDIT_HISTORY");
        assertThat(RecordReviewDecisionDelegate.rejectionReasonCodes("R_REVIEW_CREDIT_HISTORY",
                "R_THIN_FILE,F_SHARED_DEVICE,R_THIN_FILE"))
                .isEqualTo("R_REVIEW_REJECTED,R_REVIEW_CREDIT_HISTORY,R_THIN_FILE,F_SHARED_DEVICE");
        assertThat(RecordReviewDecisionDelegate.rejectionReasonCodes(null, "R_BORDERLINE_SCORE"))
                .as("a review from before reasons were asked").isEqualTo("R_REVIEW_REJECTED,R_BORDERLINE_SCORE");
    }
}
