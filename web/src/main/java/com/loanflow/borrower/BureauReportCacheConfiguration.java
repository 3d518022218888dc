package com.loanflow.borrower;

import com.loanflow.workers.bureau.BureauReportEviction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The platform shares Redis with the workers (in-process and in docker/compose.yaml alike), so it deletes the bureau
 * report they cached under a credit authorization the borrower withdraws. The key layout belongs to the workers'
 * cache; {@link BureauReportEviction} is its one place.
 */
@Configuration(proxyBeanMethods = false)
class BureauReportCacheConfiguration {

    @Bean
    BureauReportEviction bureauReportEviction(StringRedisTemplate redis) {
        return new BureauReportEviction(redis);
    }
}
