package com.loanflow.workersuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.e2e.PlatformTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Two worker JVMs (the workers' executable jar, as in production) against the running platform share the work:
 * every task is completed exactly once, and both processes complete some. The workers subscribe with a topic
 * prefix to a test process of their own, so the platform's in-process workers take none of these tasks.
 */
@PlatformTest
class TwoWorkerProcessesTest {

    static final String PREFIX = "twoprocesses-";
    static final String PROCESS = "Process_WorkerSuite_TwoWorkerProcesses";
    static final int TASKS = 20;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    RepositoryService repository;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void twoWorkerProcessesCompleteEveryTaskExactlyOnceBetweenThem() throws Exception {
        SuitePlatform platform = new SuitePlatform(port, environment);
        SuitePlatform.deploy(repository, authorizations, PROCESS, PREFIX + "verify-id-two-factor");
        SuitePlatform.Applicant applicant = platform.applicant("钱明", "钱明", SuitePlatform.freshPhone(), 7);
        Path logs = Files.createDirectories(Path.of("target", "two-worker-processes"));
        List<Process> workers = new ArrayList<>();
        try {
            for (String workerId : List.of("worker-a", "worker-b")) {
                workers.add(startWorker(platform, workerId, logs.resolve(workerId + ".log")));
            }
            for (String workerId : List.of("worker-a", "worker-b")) {
                awaitLogLine(logs.resolve(workerId + ".log"), "subscribed to");
            }
            List<String> instances = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                instances.add(platform.start(PROCESS, applicant.applicationId()));
            }
            Map<String, Integer> completionsPerTask = new HashMap<>();
            Map<String, Integer> completionsPerWorker = new HashMap<>();
            for (String instance : instances) {
                assertThat(platform.awaitEnd(instance)).isEqualTo("End_Done");
                JsonNode successes = platform.engine("GET", "/history/external-task-log?successLog=true"
                        + "&processInstanceId=" + instance, null);
                for (JsonNode success : successes) {
                    completionsPerTask.merge(success.path("externalTaskId").asText(), 1, Integer::sum);
                    completionsPerWorker.merge(success.path("workerId").asText(), 1, Integer::sum);
                }
            }
            System.out.println("Two worker processes: completions per worker " + completionsPerWorker);
            assertThat(completionsPerTask).hasSize(TASKS).allSatisfy((task, count) ->
                    assertThat(count).as("completions of task " + task).isEqualTo(1));
            assertThat(completionsPerWorker).containsOnlyKeys("worker-a", "worker-b");
            assertThat(completionsPerWorker.values()).allSatisfy(count -> assertThat(count).isPositive());
            assertThat(completionsPerWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(TASKS);
        } finally {
            for (Process worker : workers) {
                worker.destroy();
                if (!worker.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
        }
    }

    /** The standalone workers (java -jar workers-exec.jar) with the environment the README documents. */
    private Process startWorker(SuitePlatform platform, String workerId, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar", workersJar().toString());
        Map<String, String> env = builder.environment();
        env.put("LOANFLOW_ENGINE_BASE_URL", platform.base + "/engine-rest");
        env.put("LOANFLOW_ENGINE_USERNAME", platform.workerUser);
        env.put("LOANFLOW_ENGINE_PASSWORD", platform.workerPassword);
        env.put("LOANFLOW_PLATFORM_BASE_URL", platform.base);
        env.put("LOANFLOW_CHANNEL_BASE_URL", platform.base);
        env.put("LOANFLOW_CHANNEL_NOTIFY_URL", platform.base + "/api/v1/payment-callbacks/sandbox");
        env.put("LOANFLOW_INTERNAL_TOKEN", platform.internalToken);
        env.put("LOANFLOW_WORKER_ID", workerId);
        env.put("LOANFLOW_WORKERS_DEVELOPMENT_KEYS", "true"); // the embedded platform's sandbox keys
        env.put("LOANFLOW_WORKERS_TOPIC_PREFIX", PREFIX);
        env.put("LOANFLOW_OCR_ENGINE", "sandbox"); // this test's topic needs no OCR; skip probing for tesseract
        env.put("REDIS_HOST", environment.getProperty("spring.data.redis.host", "127.0.0.1"));
        env.put("REDIS_PORT", environment.getProperty("spring.data.redis.port", "6379"));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private static Path workersJar() throws IOException {
        Path target = Path.of("..", "workers", "target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("workers-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No workers exec jar in " + target.toAbsolutePath()
                            + ": build with the reactor (./mvnw -pl web -am verify) so workers is packaged first"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssertionError("No " + target.toAbsolutePath() + ": build workers first", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("worker did not start; its log " + log.toAbsolutePath() + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }
}
