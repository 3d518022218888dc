package com.loanflow.borrower;

import com.loanflow.shared.BlindIndex;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks an account after repeated wrong passwords, across every platform node (Redis). The per-IP rate limit stops
 * floods from one address; this stops slow guessing against one phone number from many addresses.
 */
@Component
class LoginThrottle {

    private static final String PREFIX = "loanflow:login-failures:";

    private final StringRedisTemplate redis;
    private final BlindIndex blindIndex;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(StringRedisTemplate redis, BlindIndex blindIndex,
                  @Value("${loanflow.login.max-failures:5}") int maxFailures,
                  @Value("${loanflow.login.lockout:PT15M}") Duration lockout) {
        this.redis = redis;
        this.blindIndex = blindIndex;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    boolean locked(String phone) {
        String failures = redis.opsForValue().get(key(phone));
        return failures != null && Integer.parseInt(failures) >= maxFailures;
    }

    /** Counts a failure; the lockout runs from the first failure of the series. */
    void failed(String phone) {
        String key = key(phone);
        Long failures = redis.opsForValue().increment(key);
        if (failures != null && failures == 1) {
            redis.expire(key, lockout);
        }
    }

    void succeeded(String phone) {
        redis.delete(key(phone));
    }

    // the key holds the keyed blind index of the phone, never the number
    private String key(String phone) {
        return PREFIX + blindIndex.of(Borrowers.PHONE_DOMAIN, phone);
    }
}
