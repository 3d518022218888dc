package com.loanflow.blacklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The Redis side of blacklist lookups: one key per (type, blind index) holding "LISTED" with the expiry, or
 * "ABSENT". Redis is a cache, never the truth: a missing key or an unreachable Redis answers "unknown" and the
 * caller asks the database. Listed values live at most {@code loanflow.blacklist.cache.listed-ttl} (and never past
 * their expiry), absent ones {@code loanflow.blacklist.cache.absent-ttl}, which bounds how long an entry written
 * while Redis was unreachable can be missed.
 */
@Component
public class BlacklistCache {

    static final String PREFIX = "loanflow:blacklist:";
    private static final Logger log = LoggerFactory.getLogger(BlacklistCache.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration listedTtl;
    private final Duration absentTtl;

    BlacklistCache(StringRedisTemplate redis, Clock clock,
                   @Value("${loanflow.blacklist.cache.listed-ttl:PT1H}") Duration listedTtl,
                   @Value("${loanflow.blacklist.cache.absent-ttl:PT5M}") Duration absentTtl) {
        this.redis = redis;
        this.clock = clock;
        this.listedTtl = listedTtl;
        this.absentTtl = absentTtl;
    }

    public static String key(String entryType, String valueIdx) {
        return PREFIX + entryType + ":" + valueIdx;
    }

    /** true/false when Redis knows, empty when the key is missing or Redis cannot be reached. */
    public Optional<Boolean> listed(String entryType, String valueIdx) {
        String value;
        try {
            value = redis.opsForValue().get(key(entryType, valueIdx));
        } catch (RuntimeException unreachable) {
            log.warn("Blacklist cache unavailable, reading the database: {}", unreachable.toString());
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value.equals("ABSENT")) {
            return Optional.of(false);
        }
        if (value.startsWith("LISTED:")) {
            String expiry = value.substring(7);
            return Optional.of(expiry.isEmpty() || Instant.ofEpochMilli(Long.parseLong(expiry)).isAfter(clock.instant()));
        }
        return Optional.empty(); // unknown format (an older release?): let the database decide
    }

    /** Remembers what the database said; {@code expiresAt} null = listed until removed. Failures are only logged. */
    public void remember(String entryType, String valueIdx, boolean listed, Instant expiresAt) {
        try {
            if (!listed) {
                redis.opsForValue().set(key(entryType, valueIdx), "ABSENT", absentTtl);
                return;
            }
            Duration ttl = listedTtl;
            if (expiresAt != null) {
                Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
                if (untilExpiry.isNegative() || untilExpiry.isZero()) {
                    return;
                }
                ttl = untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl;
            }
            redis.opsForValue().set(key(entryType, valueIdx),
                    "LISTED:" + (expiresAt == null ? "" : expiresAt.toEpochMilli()), ttl);
        } catch (RuntimeException unreachable) {
            log.warn("Blacklist cache not updated: {}", unreachable.toString());
        }
    }

    /** Forgets a value after a change in the database, so the next lookup reads the new truth from there. */
    public void forget(String entryType, String valueIdx) {
        try {
            redis.delete(key(entryType, valueIdx));
        } catch (RuntimeException unreachable) {
            log.warn("Blacklist cache not cleared for a changed entry (stale for at most its TTL): {}",
                    unreachable.toString());
        }
    }
}
