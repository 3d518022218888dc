package com.loanflow.workers.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.loanflow.workers.EmbeddedRedis;
import com.loanflow.workers.TestProperties;
import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import com.loanflow.workers.platform.FakePlatform;
import com.loanflow.workers.platform.TaskFailures;
import java.time.Duration;
import java.util.Set;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

/** Against a real Redis server (embedded-redis on a free port): the second query for a person is a cache hit. */
class BureauReportCacheTest {

    static final String ID = "440306199208150030";
    /** The consent FakePlatform answers for the credit authorization. */
    static final String CONSENT = "consent-1";

    @RegisterExtension
    static final EmbeddedRedis embeddedRedis = new EmbeddedRedis();

    private final WorkersProperties.BureauCache settings = new WorkersProperties.BureauCache(true,
            Duration.ofDays(30), WorkersProperties.BureauCache.DEV_CACHE_KEY);

    @Test
    void aRepeatApplicationUsesTheCachedReportAndTheBureauIsQueriedOnce() {
        new StringRedisTemplate(embeddedRedis.connections()).delete(new BureauReportCache(embeddedRedis.connections(), settings).key(ID));
        SandboxCreditBureau bureau = new SandboxCreditBureau(SandboxLatency.none());
        BureauReportCache cache = new BureauReportCache(embeddedRedis.connections(), settings);
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
        BureauReportCache cache = new BureauReportCache(embeddedRedis.connections(), settings);
        cache.put(ID, CONSENT, SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        StringRedisTemplate redis = new StringRedisTemplate(embeddedRedis.connections());

        Set<String> keys = redis.keys(BureauReportCache.PREFIX + "*");
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).doesNotContain(ID).matches(
                "loanflow:bureau-report:[0-9a-f]{64}"));
        String stored = redis.opsForValue().get(cache.key(ID));
        assertThat(stored).startsWith(CONSENT + "|").doesNotContain("revolvingUtilization").doesNotContain("0.85");
        assertThat(redis.getExpire(cache.key(ID))).isBetween(Duration.ofDays(30).minusMinutes(1).toSeconds(),
                Duration.ofDays(30).toSeconds());
        // the consent's pointer names the entry (a hash, no ID number) and expires with it
        String pointer = BureauReportEviction.consentKey(CONSENT);
        assertThat(redis.opsForValue().get(pointer)).isEqualTo(cache.key(ID));
        assertThat(redis.getExpire(pointer)).isBetween(Duration.ofDays(30).minusMinutes(1).toSeconds(),
                Duration.ofDays(30).toSeconds());
        assertThat(cache.find(ID, CONSENT)).contains(SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
    }

    @Test
    void anEntryMovedToAnotherPersonsKeyOrSealedUnderAnotherKeyIsAMiss() {
        BureauReportCache cache = new BureauReportCache(embeddedRedis.connections(), settings);
        String other = "110101199003070011";
        cache.put(ID, CONSENT, SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        StringRedisTemplate redis = new StringRedisTemplate(embeddedRedis.connections());
        redis.opsForValue().set(cache.key(other), redis.opsForValue().get(cache.key(ID)));
        assertThat(cache.find(other, CONSENT)).as("sealed for another key").isEmpty();

        BureauReportCache otherKey = new BureauReportCache(embeddedRedis.connections(), new WorkersProperties.BureauCache(true,
                Duration.ofDays(30), java.util.Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(otherKey.find(ID, CONSENT)).isEmpty();
    }

    @Test
    void aReportObtainedUnderAnotherCreditAuthorizationIsNotUsedAndIsDeleted() {
        BureauReportCache cache = new BureauReportCache(embeddedRedis.connections(), settings);
        cache.put(ID, "consent-old", SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        StringRedisTemplate redis = new StringRedisTemplate(embeddedRedis.connections());

        assertThat(cache.find(ID, CONSENT)).isEmpty();
        assertThat(redis.hasKey(cache.key(ID))).as("deleted on the mismatch").isFalse();

        // a value written before entries were bound to a consent (no consent id in front) is treated the same way
        redis.opsForValue().set(cache.key(ID), "c2VhbGVk");
        assertThat(cache.find(ID, CONSENT)).isEmpty();
        assertThat(redis.hasKey(cache.key(ID))).isFalse();
    }

    @Test
    void withdrawingTheCreditAuthorizationDeletesTheReportObtainedUnderIt() {
        BureauReportCache cache = new BureauReportCache(embeddedRedis.connections(), settings);
        BureauReportEviction eviction = new BureauReportEviction(new StringRedisTemplate(embeddedRedis.connections()));
        StringRedisTemplate redis = new StringRedisTemplate(embeddedRedis.connections());
        cache.put(ID, "consent-a", SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        assertThat(cache.find(ID, "consent-a")).isPresent();

        assertThat(eviction.evictObtainedUnder("consent-a")).isTrue();

        assertThat(redis.hasKey(cache.key(ID))).isFalse();
        assertThat(redis.hasKey(BureauReportEviction.consentKey("consent-a"))).isFalse();
        assertThat(cache.find(ID, "consent-a")).isEmpty();
        assertThat(eviction.evictObtainedUnder("consent-a")).as("nothing left, nothing fails").isFalse();
        assertThat(eviction.evictObtainedUnder("never-cached")).isFalse();
    }

    @Test
    void withdrawingAnOldAuthorizationLeavesTheReportObtainedUnderTheNewOne() {
        BureauReportCache cache = new BureauReportCache(embeddedRedis.connections(), settings);
        BureauReportEviction eviction = new BureauReportEviction(new StringRedisTemplate(embeddedRedis.connections()));
        StringRedisTemplate redis = new StringRedisTemplate(embeddedRedis.connections());
        // queried under consent-a, then (a new agreement version) under consent-b: one entry, two pointers
        cache.put(ID, "consent-a", SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        assertThat(cache.find(ID, "consent-b")).isEmpty();
        cache.put(ID, "consent-b", SandboxCreditBureau.SANDBOX_REPORTS.get(ID));

        assertThat(eviction.evictObtainedUnder("consent-a")).isFalse();

        assertThat(redis.hasKey(BureauReportEviction.consentKey("consent-a"))).isFalse();
        assertThat(cache.find(ID, "consent-b")).contains(SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
        assertThat(eviction.evictObtainedUnder("consent-b")).isTrue();
        assertThat(redis.hasKey(cache.key(ID))).isFalse();
    }

    @Test
    void withoutRedisTheBureauIsAskedAndNothingFails() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            BureauReportCache cache = new BureauReportCache(nowhere, settings);
            cache.put(ID, CONSENT, SandboxCreditBureau.SANDBOX_REPORTS.get(ID));
            assertThat(cache.find(ID, CONSENT)).isEmpty();
            // an eviction, by contrast, reports the failure: the platform must not say "deleted" when it is not
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BureauReportEviction(
                    new StringRedisTemplate(nowhere)).evictObtainedUnder(CONSENT))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
        } finally {
            nowhere.destroy();
        }
    }
}
