package com.loanflow.workers.platform;

import com.loanflow.workers.WorkersProperties;
import java.time.Duration;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How technical failures reach the engine: retryable ones count down from {@code loanflow.workers.max-retries}
 * with an exponentially growing wait from {@code retry-backoff} between attempts; the last one, or any non-retryable one, leaves retries at 0, which
 * the engine turns into an incident for ops.
 */
@Component
public class TaskFailures {

    private final int maxRetries;
    private final Duration backoff;

    @Autowired
    public TaskFailures(WorkersProperties properties) {
        this(properties.workers().maxRetries(), properties.workers().retryBackoff());
    }

    public TaskFailures(int maxRetries, Duration backoff) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    /** The engine reports no retries for a task that never failed; that is where the count starts. */
    public int retriesLeftAfterThisFailure(ExternalTask task) {
        int current = task.getRetries() == null ? maxRetries : task.getRetries();
        return Math.max(0, current - 1);
    }

    public void retry(ExternalTask task, ExternalTaskService service, String message, Throwable cause) {
        int retriesLeft = retriesLeftAfterThisFailure(task);
        // none left: the engine raises the incident now, no wait to pass
        service.handleFailure(task, message, details(cause), retriesLeft, retriesLeft == 0 ? 0L : backoffMillis(task));
    }

    /**
     * The wait before the next attempt doubles with each failure (backoff, 2×, 4×, … capped at 64×): a provider that
     * is down for a minute is outlasted by a handful of retries instead of burning them all in seconds.
     */
    public long backoffMillis(ExternalTask task) {
        int failuresBefore = task.getRetries() == null ? 0 : Math.max(0, maxRetries - task.getRetries());
        return backoff.toMillis() << Math.min(failuresBefore, 6);
    }

    public void incident(ExternalTask task, ExternalTaskService service, String message, Throwable cause) {
        service.handleFailure(task, message, details(cause), 0, 0L);
    }

    private static String details(Throwable cause) {
        return cause == null ? null : cause.getClass().getName() + ": " + cause.getMessage();
    }
}
