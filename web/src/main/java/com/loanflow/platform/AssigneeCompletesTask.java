package com.loanflow.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task someone has claimed is theirs to complete. Camunda lets every member of a task's candidate group complete
 * it, claimed or not (the group's UPDATE; Camunda's TASK_WORK would allow the same, so permissions cannot tell claim
 * from complete). Tasklist shows a claimed review as the claimer's, so a colleague completing it through the REST API
 * would decide a case the claimer is working on, unseen. Completing (or submitting the form of) a task assigned to
 * someone else is refused with the engine's authorization error (403 through the REST API), before anything runs; a
 * colleague who takes a case over reassigns it first, which the operation log records. Calls without an
 * authenticated user (the engine's own) are not judged here.
 */
@Component
class AssigneeCompletesTask extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new OnlyTheAssignee());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    static final class OnlyTheAssignee extends CommandInterceptor {

        private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class);
        private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class);

        @Override
        public <T> T execute(Command<T> command) {
            String taskId = command instanceof CompleteTaskCmd ? read(COMPLETE_TASK_ID, command)
                    : command instanceof SubmitTaskFormCmd ? read(SUBMIT_TASK_ID, command) : null;
            var context = Context.getCommandContext();
            if (taskId != null && context != null && context.getAuthentication() != null) {
                String user = context.getAuthentication().getUserId();
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (user != null && task != null && task.getAssignee() != null && !task.getAssignee().equals(user)) {
                    // who holds it is not said: the caller may not even be allowed to read the task
                    throw new AuthorizationException(user + " may not complete task " + taskId
                            + ": another user has claimed it; it must be reassigned first");
                }
            }
            return next.execute(command);
        }

        private static Field field(Class<?> type) {
            try {
                Field field = type.getDeclaredField("taskId");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(type + " has no taskId field: review AssigneeCompletesTask", e);
            }
        }

        private static String read(Field field, Object command) {
            try {
                return (String) field.get(command);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
