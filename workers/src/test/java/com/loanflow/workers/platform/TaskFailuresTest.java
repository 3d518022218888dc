package com.loanflow.workers.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.Test;

/** Retries count down from the maximum and wait twice as long after each failure, capped at 64 × the backoff. */
class TaskFailuresTest {

    final TaskFailures failures = new TaskFailures(5, Duration.ofSeconds(5));

    @Test
    void theWaitDoublesWithEachFailure() {
        assertThat(pause(null)).as("first failure: the engine reports no retries yet").isEqualTo(5_000);
        assertThat(pause(4)).isEqualTo(10_000);
        assertThat(pause(3)).isEqualTo(20_000);
        assertThat(pause(2)).isEqualTo(40_000);
        assertThat(pause(1)).isEqualTo(80_000);
        assertThat(new TaskFailures(20, Duration.ofSeconds(1)).backoffMillis(task(1))).as("capped")
                .isEqualTo(64_000);
    }

    @Test
    void retriesCountDownToZero() {
        assertThat(failures.retriesLeftAfterThisFailure(task(null))).isEqualTo(4);
        assertThat(failures.retriesLeftAfterThisFailure(task(1))).isZero();
        assertThat(failures.retriesLeftAfterThisFailure(task(0))).isZero();
    }

    private long pause(Integer retries) {
        return failures.backoffMillis(task(retries));
    }

    private static ExternalTask task(Integer retries) {
        ExternalTask task = mock(ExternalTask.class);
        when(task.getRetries()).thenReturn(retries);
        return task;
    }
}
