package com.loanflow.workers.platform;

import java.time.Duration;
import java.util.function.Supplier;
import org.camunda.bpm.client.task.ExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A paid provider's answer for one external task, kept in Redis for {@link #KEEP}: the same task delivered again (its
 * completion lost with the engine down, its lock expired, or a later call of the same task failed and is retried, as
 * face comparison after liveness) takes the answer on record instead of paying the provider for the call again. The
 * bureau query has its own (its query id is derived from the task); these are the identity checks. The key is the
 * engine's task id and the call's name, the value the answer (a score, yes or no): no personal data. Without Redis,
 * or with it down, the provider is asked again, as before; a provider's failure is never kept.
 */
@Component
public class ProviderAnswers {

    static final String PREFIX = "loanflow:provider-answer:";
    /** Longer than a task's retries with back-off and its lock's expiry; an incident retried days later asks again. */
    static final Duration KEEP = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ProviderAnswers.class);

    private final StringRedisTemplate redis;

    @Autowired
    public ProviderAnswers(ObjectProvider<RedisConnectionFactory> redis) {
        this(redis.getIfAvailable());
    }

    public ProviderAnswers(RedisConnectionFactory redis) {
        this.redis = redis == null ? null : new StringRedisTemplate(redis);
    }

    /** Asks the provider every time (tests of a handler's own logic). */
    public static ProviderAnswers none() {
        return new ProviderAnswers((RedisConnectionFactory) null);
    }

    /** The answer on record for this task's {@code call}, or the provider's, then kept. */
    public String once(ExternalTask task, String call, Supplier<String> provider) {
        String key = task.getId() == null || redis == null ? null : PREFIX + task.getId() + ":" + call;
        if (key != null) {
            try {
                String kept = redis.opsForValue().get(key);
                if (kept != null) {
                    log.info("{} for task {}: the provider's answer of an earlier delivery, not asked again", call,
                            task.getId());
                    return kept;
                }
            } catch (RuntimeException redisDown) {
                log.warn("Provider answers unavailable ({}); asking the provider", redisDown.toString());
                key = null;
            }
        }
        String answer = provider.get();
        if (key != null) {
            try {
                redis.opsForValue().set(key, answer, KEEP);
            } catch (RuntimeException redisDown) {
                log.warn("Provider answer for {} not kept ({})", call, redisDown.toString());
            }
        }
        return answer;
    }
}
