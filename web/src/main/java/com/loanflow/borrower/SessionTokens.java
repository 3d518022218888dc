package com.loanflow.borrower;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Bearer session tokens in Redis with expiry, so every platform node sees the same sessions and a logout
 * revokes everywhere. Redis holds only the token's SHA-256, never the token itself.
 */
@Component
public class SessionTokens {

    private static final String PREFIX = "loanflow:session:";
    private static final String BY_BORROWER = "loanflow:sessions-of:";
    /** Set when an account is closed: a login that read the account just before cannot keep its new session. */
    private static final String CLOSED = "loanflow:account-closed:";

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    SessionTokens(StringRedisTemplate redis, @Value("${loanflow.session.ttl:PT2H}") Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    public String issue(String borrowerId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String tokenHash = hash(token);
        redis.opsForValue().set(PREFIX + tokenHash, borrowerId, ttl);
        // per-borrower index of live sessions, so a password change can end them all
        redis.opsForSet().add(BY_BORROWER + borrowerId, tokenHash);
        redis.expire(BY_BORROWER + borrowerId, ttl);
        // after the index: a closure either finds this session in the index or set its mark before this read
        if (Boolean.TRUE.equals(redis.hasKey(CLOSED + borrowerId))) {
            redis.delete(PREFIX + tokenHash);
            throw new com.loanflow.shared.ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "INVALID_CREDENTIALS", "Phone number or password is wrong");
        }
        return token;
    }

    /** Ends every session of a closed account and refuses new ones (a login racing the closure included). */
    public void endAllForClosedAccount(String borrowerId) {
        redis.opsForValue().set(CLOSED + borrowerId, "1", Duration.ofDays(1));
        revokeAll(borrowerId);
    }

    /** The closure rolled back after its mark was set: the account stays open and may log in again. */
    void reopenAfterFailedClosure(String borrowerId) {
        try {
            redis.delete(CLOSED + borrowerId);
        } catch (org.springframework.dao.DataAccessException e) {
            // the mark expires in a day; until then this borrower's logins are refused
            org.slf4j.LoggerFactory.getLogger(SessionTokens.class).error("Closed mark of borrower {} not removed after"
                    + " the closure rolled back: {}", borrowerId, e.toString());
        }
    }

    public Optional<String> borrowerFor(String token) {
        return Optional.ofNullable(redis.opsForValue().get(PREFIX + hash(token)));
    }

    public void revoke(String token) {
        redis.delete(PREFIX + hash(token));
    }

    public void revokeAll(String borrowerId) {
        var tokenHashes = redis.opsForSet().members(BY_BORROWER + borrowerId);
        if (tokenHashes != null) {
            tokenHashes.forEach(tokenHash -> redis.delete(PREFIX + tokenHash));
        }
        redis.delete(BY_BORROWER + borrowerId);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
