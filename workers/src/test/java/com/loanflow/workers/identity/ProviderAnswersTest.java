package com.loanflow.workers.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.loanflow.workers.EmbeddedRedis;
import com.loanflow.workers.TestProperties;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import com.loanflow.workers.platform.FakePlatform;
import com.loanflow.workers.platform.ProviderAnswers;
import com.loanflow.workers.platform.RetryableFailure;
import com.loanflow.workers.platform.TaskFailures;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against a real Redis server (embedded-redis on a free port): a paid identity check is asked once per task. The task
 * delivered again after face comparison failed does not pay for liveness again; another task asks again.
 */
class ProviderAnswersTest {

    @RegisterExtension
    static final EmbeddedRedis embeddedRedis = new EmbeddedRedis();

    @Test
    void aRedeliveredTaskDoesNotPayForLivenessAgainAnotherTaskDoes() {
        String id = "110101199003070011";
        AtomicInteger livenessCalls = new AtomicInteger();
        AtomicInteger comparisons = new AtomicInteger();
        LivenessCheck liveness = selfie -> {
            livenessCalls.incrementAndGet();
            return new BigDecimal("0.97");
        };
        FaceComparison faces = (selfie, card) -> {
            if (comparisons.incrementAndGet() == 1) {
                throw new RetryableFailure("face comparison timed out");
            }
            return new BigDecimal("0.91");
        };
        FakePlatform platform = new FakePlatform();
        for (int delivery = 0; delivery < 3; delivery++) {
            platform.answersApplicant("张三", id, "13800000001", SandboxIdCard.renderFront("张三", id, "北京市"),
                    SandboxIdCard.renderSelfie(1));
        }
        CheckLivenessHandler handler = new CheckLivenessHandler(new TaskFailures(TestProperties.create()),
                platform.client, liveness, faces, TestProperties.create(), new ProviderAnswers(embeddedRedis.connections()));
        ExternalTask task = task(UUID.randomUUID().toString());
        ExternalTaskService service = mock(ExternalTaskService.class);

        handler.execute(task, service);   // liveness paid, face comparison fails: retried
        handler.execute(task, service);   // the same task again

        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(2), eq(5000L));
        verify(service).complete(task, Map.of("livenessScore", "0.97", "faceMatchScore", "0.91"));
        assertThat(livenessCalls).as("liveness paid once for the task").hasValue(1);
        assertThat(comparisons).hasValue(2);

        handler.execute(task(UUID.randomUUID().toString()), service);
        assertThat(livenessCalls).as("another task asks again").hasValue(2);
        platform.server.verify();
    }

    @Test
    void aFailedCallIsNotKeptAndWithoutRedisEveryDeliveryAsks() {
        ExternalTask task = task(UUID.randomUUID().toString());
        ProviderAnswers answers = new ProviderAnswers(embeddedRedis.connections());
        AtomicInteger calls = new AtomicInteger();
        try {
            answers.once(task, "check", () -> {
                calls.incrementAndGet();
                throw new RetryableFailure("provider down");
            });
        } catch (RetryableFailure expected) {
            // the provider's failure is the caller's to handle
        }
        assertThat(answers.once(task, "check", () -> String.valueOf(calls.incrementAndGet()))).isEqualTo("2");
        assertThat(answers.once(task, "check", () -> "asked again")).isEqualTo("2");

        ProviderAnswers none = ProviderAnswers.none();
        assertThat(none.once(task, "check", () -> "a")).isEqualTo("a");
        assertThat(none.once(task, "check", () -> "b")).isEqualTo("b");
    }

    private static ExternalTask task(String id) {
        ExternalTask task = FakePlatform.task(null);
        when(task.getId()).thenReturn(id);
        return task;
    }
}
