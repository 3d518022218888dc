package com.loanflow.workers;

import java.math.BigDecimal;
import java.time.Duration;

/** Properties for unit tests: no latency, three retries, five seconds backoff. */
public final class TestProperties {

    public static final String PLATFORM = "http://platform.test";
    public static final String CHANNEL = "http://channel.test";
    public static final String TOKEN = "test-internal-token";

    private TestProperties() {
    }

    public static WorkersProperties create() {
        return new WorkersProperties(
                new WorkersProperties.Engine("http://engine.test/engine-rest", "loanflow-worker", "secret"),
                new WorkersProperties.Platform(PLATFORM),
                new WorkersProperties.Internal(TOKEN),
                new WorkersProperties.Channel(CHANNEL, PLATFORM + "/api/v1/payment-callbacks/sandbox",
                        "loanflow-sandbox-merchant", "sandbox/keys/merchant-private.pem"),
                new WorkersProperties.Workers(true, Duration.ofSeconds(5), 3, "test-worker", Duration.ofSeconds(60),
                        Duration.ZERO, Duration.ZERO, new BigDecimal("0.80"), new BigDecimal("0.80"),
                        new WorkersProperties.Ocr("sandbox", "tesseract", Duration.ofSeconds(20)),
                        new WorkersProperties.BureauCache(false, Duration.ofDays(30),
                                WorkersProperties.BureauCache.DEV_CACHE_KEY), ""));
    }
}
