package com.loanflow.workers.bureau;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.WorkersProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Bureau reports in Redis for {@code loanflow.workers.bureau-cache.ttl} (30 days), so a repeat application does not
 * pay for a new query. Key: {@value #PREFIX} + keyed hash of the ID number; value: the report JSON, AES-GCM sealed.
 * Redis down or an entry that does not open counts as a miss: the bureau is asked, the application goes on.
 */
@Component
public class BureauReportCache {

    static final String PREFIX = "loanflow:bureau-report:";
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

    public Optional<CreditReport> find(String idNumber) {
        if (redis == null) {
            return Optional.empty();
        }
        String key = key(idNumber);
        try {
            String sealed = redis.opsForValue().get(key);
            return sealed == null ? Optional.empty()
                    : Optional.of(JSON.readValue(cipher.open(sealed, key), CreditReport.class));
        } catch (DataAccessException | IllegalStateException | IOException e) {
            log.warn("Bureau report cache read failed, asking the bureau: {}", e.toString());
            return Optional.empty();
        }
    }

    public void put(String idNumber, CreditReport report) {
        if (redis == null) {
            return;
        }
        String key = key(idNumber);
        try {
            redis.opsForValue().set(key, cipher.seal(JSON.writeValueAsString(report), key), ttl);
        } catch (DataAccessException | IOException e) {
            log.warn("Bureau report not cached: {}", e.toString());
        }
    }

    String key(String idNumber) {
        return PREFIX + cipher.index(idNumber);
    }
}
