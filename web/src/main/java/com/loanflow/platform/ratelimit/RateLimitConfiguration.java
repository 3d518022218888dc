package com.loanflow.platform.ratelimit;

import com.loanflow.borrower.SessionTokens;
import com.loanflow.device.ClientIps;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** First in the chain: a refused request costs one Redis round trip and nothing else. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(StringRedisTemplate redis, RateLimitProperties properties,
                                                            SessionTokens sessions, ClientIps clientIps) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(new RedisRateLimiter(redis), properties,
                sessions::borrowerFor, clientIps::of));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
