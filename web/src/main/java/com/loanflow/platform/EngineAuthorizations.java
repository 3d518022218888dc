package com.loanflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * What each engine group may do through the engine REST API and the webapps, granted at start-up. Each grant below
 * is the whole of that group's permissions on that resource: start-up sets it back if someone changed it by hand.
 * camunda-admin keeps the ALL grants the Camunda starter gives it.
 * <p>
 * Reviewers get no task permission at process level: Camunda grants READ + UPDATE on each task to its candidate
 * groups when the task is created, so reviewers see and complete only the tasks routed to them.
 */
@Component
@DependsOn("engineUsers") // the groups exist before they are granted anything
class EngineAuthorizations {

    static final String LOAN_PROCESS = "Process_LoanApplication";
    static final String TASKLIST_FILTER = "All tasks";

    record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    EngineAuthorizations(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        grants().forEach(this::apply);
        grantOpenTasksCreatedWithoutAuthorization();
    }

    List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (String reviewers : List.of("reviewers", "senior-reviewers")) {
            grants.add(new Grant(reviewers, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            grants.add(new Grant(reviewers, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
                    ProcessDefinitionPermissions.READ));
            tasklistFilter().ifPresent(id -> grants.add(new Grant(reviewers, Resources.FILTER, id, Permissions.READ)));
        }
        // incidents: see instances and their history, retry jobs and external tasks (an external task's retries
        // need UPDATE on its instance); no task permission, so ops cannot decide a review
        grants.add(new Grant("ops", Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant("ops", Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.RETRY_JOB));
        grants.add(new Grant("ops", Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.RETRY_JOB));
        grants.add(new Grant("ops", Resources.DEPLOYMENT, ANY, Permissions.READ));
        grants.add(new Grant("ops", Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant("ops", Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        // reconciliation mismatches (Process_ReconciliationMismatch): ops work their own tasks in Tasklist; the
        // engine grants task permissions to a task's candidate group, so review tasks stay out of their reach
        grants.add(new Grant("ops", Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        tasklistFilter().ifPresent(id -> grants.add(new Grant("ops", Resources.FILTER, id, Permissions.READ)));
        // external tasks: fetchAndLock, complete, handleFailure, handleBpmnError on the loan process only
        grants.add(new Grant("workers", Resources.PROCESS_DEFINITION, LOAN_PROCESS,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE));
        return grants;
    }

    private Optional<String> tasklistFilter() {
        return filters.createTaskFilterQuery().filterName(TASKLIST_FILTER).list().stream().map(Filter::getId).findFirst();
    }

    private void apply(Grant grant) {
        Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId())
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        authorization.setPermissions(grant.permissions());
        authorizations.saveAuthorization(authorization);
    }

    /**
     * Camunda creates task grants only for tasks created while checks are on; on a database that ran without them,
     * the open tasks get the grants their candidate groups would have had. Runs once: later tasks have them.
     */
    private void grantOpenTasksCreatedWithoutAuthorization() {
        if (authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count() > 0) {
            return;
        }
        int granted = 0;
        for (Task task : tasks.createTaskQuery().list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    apply(new Grant(link.getGroupId(), Resources.TASK, task.getId(), TaskPermissions.READ,
                            TaskPermissions.UPDATE));
                    granted++;
                }
            }
        }
        if (granted > 0) {
            log.info("Granted candidate groups access to {} open task(s) created before authorization checks", granted);
        }
    }
}
