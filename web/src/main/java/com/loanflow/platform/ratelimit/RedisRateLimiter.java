package com.loanflow.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed-window counters in Redis, so every platform node shares one count per key. INCR and the first PEXPIRE run
 * in one Lua script: a crash between them cannot leave a counter that never expires.
 */
class RedisRateLimiter {

    record Decision(boolean allowed, long count, Duration retryAfter) {
    }

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """, List.class);

    private final StringRedisTemplate redis;

    RedisRateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    Decision acquire(String key, int limit, Duration window) {
        List<?> result = redis.execute(COUNT, List.of(key), String.valueOf(window.toMillis()));
        long count = ((Number) result.get(0)).longValue();
        long ttlMillis = ((Number) result.get(1)).longValue();
        return new Decision(count <= limit, count, Duration.ofMillis(Math.max(ttlMillis, 0)));
    }
}
