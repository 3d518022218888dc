package com.loanflow.platform;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * Who decided a user task, from what the engine recorded and no engine user can set by hand (ADR 0007 addendum):
 * a task instance that was completed (not cancelled by a modification) and the user its operation log shows
 * completing it. Process variables are not evidence: anyone with UPDATE on the instance can write them.
 */
public final class TaskCompletions {

    private TaskCompletions() {
    }

    /** The latest completed instance of {@code taskKey} in the process instance, or null when none was completed. */
    public static HistoricTaskInstance latestCompleted(HistoryService history, String processInstanceId,
                                                       String taskKey) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).finished().orderByHistoricTaskInstanceEndTime().desc().list().stream()
                .filter(task -> "completed".equals(task.getDeleteReason())).findFirst().orElse(null);
    }

    /** The authenticated user of the complete or submit-form call, else the task's assignee; null if neither. */
    public static String completedBy(HistoryService history, HistoricTaskInstance task) {
        return history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst()
                .orElse(task.getAssignee());
    }
}
