package com.loanflow.workers.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.loanflow.workers.TestProperties;
import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import com.loanflow.workers.platform.FakePlatform;
import com.loanflow.workers.platform.TaskFailures;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import redis.embedded.RedisServer;

/** Against a real Redis server (embedded-redis on a free port): the second query for a person is a cache hit. */
class BureauReportCacheTest {

    static final String ID = "440306199208150030";

    static RedisServer server;
    static LettuceConnectionFactory connections;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        connections = new LettuceConnectionFactory("127.0.0.1", port);
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        connections.destroy();
        server.stop();
    }

    private final WorkersProperties.BureauCache settings = new WorkersProperties.BureauCache(true,
            Duration.ofDays(30), WorkersProperties.BureauCache.DEV_CACHE_KEY);

    @Test
    void aRepeatApplicationUsesTheCachedReportAndTheBureauIsQueriedOnce() {
        new StringRedisTemplate(connections).delete(new BureauReportCache(connections, settings).key(ID));
        SandboxCreditBureau bureau = new SandboxCreditBureau(SandboxLatency.none());
        BureauReportCache cache = new BureauReportCache(connections, settings);
        for (boolean cacheHit : new boolean[] {false, true}) {
            FakePlatform platform = new FakePlatform();
            QueryCreditBureauHandler handler = new QueryCreditBureauHandler(
                    new TaskFailures(TestProperties.create()), platform.client, bureau, cache);
            platform.answersCreditAuthorization(HttpStatus.OK);
            platform.answersApplicant("李四", ID, "13800000002", null, null);
            platform.expectsCreditQuery(cacheHit);
            platform.expectsCreditReport(SandboxCreditBureau.SANDBOX_REPORTS.get(ID), "report-" + cacheHit);
            ExternalTask task = FakePlatform.task(null);
            ExternalTaskService service = mock(ExternalTaskService.class);

            handler.execute(task, service);

            verify(service).complete(task, java.util.Map.of("creditReportId", "report-" + cacheHit));
            platform.server.verify();
        }
        assertThat(bureau.queries()).as("queries billed by the bureau").isEqualTo(1);
    }

    @Test
    void theEntryIsKeyedByAHashSealedAndExpiresInThirtyDays() {
        BureauReportCache cache = new BureauReportCache(connections, settings);
        cache.put(ID, SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        StringRedisTemplate redis = new StringRedisTemplate(connections);

        Set<String> keys = redis.keys(BureauReportCache.PREFIX + "*");
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).doesNotContain(ID).matches(
                "loanflow:bureau-report:[0-9a-f]{64}"));
        String stored = redis.opsForValue().get(cache.key(ID));
        assertThat(stored).doesNotContain("revolvingUtilization").doesNotContain("0.85");
        assertThat(redis.getExpire(cache.key(ID))).isBetween(Duration.ofDays(30).minusMinutes(1).toSeconds(),
                Duration.ofDays(30).toSeconds());
        assertThat(cache.find(ID)).contains(SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
    }

    @Test
    void anEntryMovedToAnotherPersonsKeyOrSealedUnderAnotherKeyIsAMiss() {
        BureauReportCache cache = new BureauReportCache(connections, settings);
        String other = "110101199003070011";
        cache.put(ID, SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        redis.opsForValue().set(cache.key(other), redis.opsForValue().get(cache.key(ID)));
        assertThat(cache.find(other)).as("sealed for another key").isEmpty();

        BureauReportCache otherKey = new BureauReportCache(connections, new WorkersProperties.BureauCache(true,
                Duration.ofDays(30), java.util.Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(otherKey.find(ID)).isEmpty();
    }

    @Test
    void withoutRedisTheBureauIsAskedAndNothingFails() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            BureauReportCache cache = new BureauReportCache(nowhere, settings);
            cache.put(ID, SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
            assertThat(cache.find(ID)).isEmpty();
        } finally {
            nowhere.destroy();
        }
    }
}
