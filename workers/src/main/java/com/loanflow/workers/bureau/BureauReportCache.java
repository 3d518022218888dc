package com.loanflow.workers.bureau;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.WorkersProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Bureau reports in Redis for {@code loanflow.workers.bureau-cache.ttl} (30 days), so a repeat application does not
 * pay for a new query. Key: {@value #PREFIX} + keyed hash of the ID number; value: the id of the credit authorization
 * the report was obtained under, {@code |}, the report JSON AES-GCM sealed (key and consent id as associated data).
 * Beside it, {@value BureauReportEviction#CONSENT_PREFIX} + consent id names the entry, so the platform can delete it
 * when the borrower withdraws that authorization ({@link BureauReportEviction}) without knowing the ID number or
 * this cache's key. An entry is used only under the authorization it was obtained under; one from another
 * (withdrawn, or superseded by a new agreement version) is deleted and counts as a miss.
 * Redis down or an entry that does not open counts as a miss: the bureau is asked, the application goes on.
 */
@Component
public class BureauReportCache {

    static final String PREFIX = "loanflow:bureau-report:";
    static final String SEPARATOR = "|";
    /** The entry and the consent's pointer to it, written together with the same expiry. */
    private static final RedisScript<Long> PUT = RedisScript.of("""
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('SET', KEYS[2], KEYS[1], 'PX', ARGV[2])
            return 1
            """, Long.class);
    private static final Logger log = LoggerFactory.getLogger(BureauReportCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringRedisTemplate redis;
    private final ReportCipher cipher;
    private final Duration ttl;

    @Autowired
    public BureauReportCache(WorkersProperties properties, ObjectProvider<RedisConnectionFactory> redis) {
        this(properties.workers().bureauCache().enabled() ? redis.getIfAvailable() : null,
                properties.workers().bureauCache());
    }

    public BureauReportCache(RedisConnectionFactory redis, WorkersProperties.BureauCache settings) {
        this.redis = redis == null || !settings.enabled() ? null : new StringRedisTemplate(redis);
        this.cipher = new ReportCipher(settings.key());
        this.ttl = settings.ttl();
        if (this.redis == null) {
            log.info("Bureau report cache off (disabled or no Redis connection factory)");
        }
    }

    /** The report cached for this person under this credit authorization (consent id), if any. */
    public Optional<CreditReport> find(String idNumber, String consentId) {
        if (redis == null) {
            return Optional.empty();
        }
        String key = key(idNumber);
        try {
            String stored = redis.opsForValue().get(key);
            if (stored == null) {
                return Optional.empty();
            }
            int separator = stored.indexOf(SEPARATOR);
            if (separator < 0 || !stored.substring(0, separator).equals(consentId)) {
                // obtained under an authorization that is no longer the one in force: not ours to use, and kept no longer
                redis.delete(key);
                log.info("Bureau report cached under another credit authorization deleted; asking the bureau");
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(cipher.open(stored.substring(separator + 1), context(key, consentId)),
                    CreditReport.class));
        } catch (DataAccessException | IllegalStateException | IOException e) {
            log.warn("Bureau report cache read failed, asking the bureau: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Caches the report obtained under this credit authorization, with the consent's pointer to it (one script). */
    public void put(String idNumber, String consentId, CreditReport report) {
        if (redis == null) {
            return;
        }
        String key = key(idNumber);
        try {
            String value = consentId + SEPARATOR + cipher.seal(JSON.writeValueAsString(report), context(key, consentId));
            redis.execute(PUT, List.of(key, BureauReportEviction.consentKey(consentId)), value,
                    String.valueOf(ttl.toMillis()));
        } catch (DataAccessException | IOException e) {
            log.warn("Bureau report not cached: {}", e.toString());
        }
    }

    private static String context(String key, String consentId) {
        return key + SEPARATOR + consentId;
    }

    String key(String idNumber) {
        return PREFIX + cipher.index(idNumber);
    }
}
