package com.loanflow.workers.platform;

import org.camunda.bpm.client.exception.ExternalTaskClientException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One handler per external-task topic. Subclasses decide the business outcome (complete or a BPMN error); the
 * failure policy for technical trouble lives here, once, so every topic retries and raises incidents alike.
 */
public abstract class TopicHandler implements ExternalTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(TopicHandler.class);

    private final TaskFailures failures;

    protected TopicHandler(TaskFailures failures) {
        this.failures = failures;
    }

    public abstract String topic();

    protected abstract void handle(ExternalTask task, ExternalTaskService service, String applicationId);

    @Override
    public final void execute(ExternalTask task, ExternalTaskService service) {
        String applicationId = applicationId(task);
        try {
            if (applicationId == null) {
                throw new IllegalStateException("Task has neither a business key nor an applicationId variable");
            }
            handle(task, service, applicationId);
        } catch (ExternalTaskClientException e) {
            throw e; // talking to the engine failed; the lock expires and the task is fetched again
        } catch (RetryableFailure e) {
            log.warn("{} for application {} failed, will retry: {}", topic(), applicationId, e.getMessage());
            failures.retry(task, service, e.getMessage(), e);
        } catch (RuntimeException e) {
            log.error("{} for application {} failed, raising an incident: {}", topic(), applicationId, e.toString());
            failures.incident(task, service, e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // an input too large to process (an image that decodes to gigabytes): the allocation failed, nothing
            // holds it; without this the client only logs, the lock expires and the task loops with no incident
            log.error("{} for application {} ran out of memory, raising an incident", topic(), applicationId);
            failures.incident(task, service, "Input too large to process (out of memory)", null);
        }
    }

    static String applicationId(ExternalTask task) {
        if (task.getBusinessKey() != null) {
            return task.getBusinessKey();
        }
        Object variable = task.getVariable("applicationId");
        return variable == null ? null : variable.toString();
    }
}
