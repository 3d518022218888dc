package com.loanflow.workers.bureau;

import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Deletes the bureau report cached under a credit authorization, for the platform when the borrower withdraws it
 * (PIPL art. 47: what was collected on a withdrawn consent is deleted, not kept until it expires). Needs only the
 * consent id: {@link BureauReportCache} keeps {@value #CONSENT_PREFIX} + consent id pointing at its entry. The entry
 * is deleted only while it is still the one obtained under that consent (the same person may since have been
 * queried under a new authorization); the pointer always goes. One script, so no put slips in between.
 */
public final class BureauReportEviction {

    static final String CONSENT_PREFIX = "loanflow:bureau-report-consent:";

    private static final RedisScript<Long> EVICT = RedisScript.of("""
            local entry = redis.call('GET', KEYS[1])
            local deleted = 0
            if entry then
              local value = redis.call('GET', entry)
              if value and string.sub(value, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '|' then
                deleted = redis.call('DEL', entry)
              end
              redis.call('DEL', KEYS[1])
            end
            return deleted
            """, Long.class);

    private final StringRedisTemplate redis;

    public BureauReportEviction(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Deletes the report obtained under this consent, if one is cached; true when one was. Throws when Redis fails. */
    public boolean evictObtainedUnder(String consentId) {
        Long deleted = redis.execute(EVICT, List.of(consentKey(consentId)), consentId);
        return deleted != null && deleted > 0;
    }

    static String consentKey(String consentId) {
        if (consentId == null || consentId.isBlank() || consentId.contains("|")) {
            throw new IllegalArgumentException("consent id");
        }
        return CONSENT_PREFIX + consentId;
    }
}
