package com.loanflow.platform.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests allowed per window, per client IP and per caller (bearer token), for each endpoint class.
 * Defaults hold for one borrower on a phone; override under loanflow.rate-limit.
 */
@ConfigurationProperties("loanflow.rate-limit")
record RateLimitProperties(Boolean enabled, Duration window, Map<EndpointClass, Integer> perIp,
                           Map<EndpointClass, Integer> perCaller) {

    RateLimitProperties {
        enabled = enabled == null || enabled;
        window = window == null ? Duration.ofMinutes(1) : window;
        perIp = merge(perIp, Map.of(EndpointClass.LOGIN, 30, EndpointClass.REGISTRATION, 20, EndpointClass.OTP, 30,
                EndpointClass.APPLICATION, 30, EndpointClass.REPAYMENT, 60, EndpointClass.GENERAL, 3000));
        perCaller = merge(perCaller, Map.of(EndpointClass.OTP, 10, EndpointClass.APPLICATION, 10,
                EndpointClass.REPAYMENT, 20, EndpointClass.GENERAL, 600));
    }

    private static Map<EndpointClass, Integer> merge(Map<EndpointClass, Integer> configured,
                                                     Map<EndpointClass, Integer> defaults) {
        Map<EndpointClass, Integer> merged = new EnumMap<>(EndpointClass.class);
        merged.putAll(defaults);
        if (configured != null) {
            merged.putAll(configured);
        }
        return merged;
    }
}
