package com.loanflow.borrower;

import com.loanflow.shared.ApiException;
import com.loanflow.shared.BlindIndex;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Locks an account after repeated wrong passwords, across every platform node (Redis). The per-IP rate limit stops
 * floods from one address; this stops slow guessing against one phone number from many addresses.
 */
@Component
class LoginThrottle {

    private static final String PREFIX = "loanflow:login-failures:";
    /** INCR, and PEXPIRE when the key has no expiry yet: the series' lockout runs from its first attempt. */
    private static final org.springframework.data.redis.core.script.RedisScript<Long> COUNT_ATTEMPT =
            org.springframework.data.redis.core.script.RedisScript.of("local n = redis.call('INCR', KEYS[1]) "
                    + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
                    + "return n", Long.class);

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

    /**
     * Reserves one password attempt for the phone number, atomically across nodes, before the password is checked:
     * false when {@code max-failures} attempts have been made since the last success (the series is then locked until
     * {@code lockout} after its first attempt). Counting before checking means parallel guesses cannot all pass a
     * "not yet locked" test while the counter is still low. Every attempt counts until one succeeds.
     */
    boolean tryAttempt(String phone) {
        return tryAttemptByIndex(blindIndex.of(Borrowers.PHONE_DOMAIN, phone));
    }

    /** {@link #tryAttempt} for a borrower whose phone's blind index is known (a logged-in borrower). */
    boolean tryAttemptByIndex(String phoneIdx) {
        // one script, so atomic: the count and its expiry together (a key left without an expiry, by a crash or by
        // the key expiring between two commands, would lock the account for good)
        Long attempts = redis.execute(COUNT_ATTEMPT, List.of(PREFIX + phoneIdx), String.valueOf(lockout.toMillis()));
        return attempts == null || attempts <= maxFailures;
    }

    /** The right password: the series ends. */
    void succeeded(String phone) {
        redis.delete(key(phone));
    }

    void succeededByIndex(String phoneIdx) {
        redis.delete(PREFIX + phoneIdx);
    }

    static ApiException lockedOut() {
        return new ApiException(HttpStatus.LOCKED, "ACCOUNT_TEMPORARILY_LOCKED",
                "Too many wrong passwords; try again in 15 minutes");
    }

    // the key holds the keyed blind index of the phone, never the number
    private String key(String phone) {
        return PREFIX + blindIndex.of(Borrowers.PHONE_DOMAIN, phone);
    }
}
