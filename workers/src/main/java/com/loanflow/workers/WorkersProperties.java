package com.loanflow.workers;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code loanflow.*} settings the workers read. In-process they share the platform's application.yml, so
 * unknown keys under {@code loanflow} (the platform's own) are ignored.
 */
@ConfigurationProperties(prefix = "loanflow")
public record WorkersProperties(@DefaultValue Engine engine, @DefaultValue Platform platform,
                                @DefaultValue Internal internal, @DefaultValue Channel channel,
                                @DefaultValue Workers workers) {

    public record Engine(@DefaultValue("http://localhost:8080/engine-rest") String baseUrl,
                         @DefaultValue("loanflow-worker") String username,
                         @DefaultValue("loanflow-worker") String password) {
    }

    public record Platform(@DefaultValue("http://localhost:8080") String baseUrl) {
    }

    public record Internal(String token) {
    }

    public record Channel(@DefaultValue("http://localhost:8080") String baseUrl,
                          @DefaultValue("http://localhost:8080/api/v1/payment-callbacks/sandbox") String notifyUrl,
                          @DefaultValue("loanflow-sandbox-merchant") String merchantId,
                          @DefaultValue("sandbox/keys/merchant-private.pem") String merchantPrivateKeyResource) {
    }

    /**
     * sandbox*Latency bound the simulated provider latency (0 in tests). topicPrefix is put before every topic a
     * worker subscribes to (empty in production): a test's workers then serve only the test's own process.
     */
    public record Workers(@DefaultValue("true") boolean enabled,
                          @DefaultValue("PT5S") Duration retryBackoff,
                          @DefaultValue("3") int maxRetries,
                          @DefaultValue("loanflow-workers") String workerId,
                          // longer than a task's worst case (three 20 s provider calls, two 20 s OCR runs), so the
                          // lock does not expire while the task is worked on and a second worker repeat it
                          @DefaultValue("PT3M") Duration lockDuration,
                          @DefaultValue("PT0.02S") Duration sandboxMinLatency,
                          @DefaultValue("PT0.08S") Duration sandboxMaxLatency,
                          @DefaultValue("0.80") BigDecimal livenessPassScore,
                          @DefaultValue("0.80") BigDecimal faceMatchPassScore,
                          @DefaultValue Ocr ocr,
                          @DefaultValue BureauCache bureauCache,
                          @DefaultValue("") String topicPrefix) {
    }

    /**
     * engine: auto (Tesseract when the tesseract command has chi_sim, else the sandbox chunk reader), tesseract,
     * or sandbox. timeout bounds one tesseract run.
     */
    public record Ocr(@DefaultValue("auto") String engine,
                      @DefaultValue("tesseract") String tesseractCommand,
                      @DefaultValue("PT20S") Duration timeout) {
    }

    /**
     * Bureau reports cached in Redis under a keyed hash of the ID number, AES-GCM encrypted. key: base64 of at
     * least 32 bytes (LOANFLOW_BUREAU_CACHE_KEY); the default is a development value, like the platform's.
     */
    public record BureauCache(@DefaultValue("true") boolean enabled,
                              @DefaultValue("P30D") Duration ttl,
                              @DefaultValue(DEV_CACHE_KEY) String key) {
        public static final String DEV_CACHE_KEY = "bG9hbmZsb3ctZGV2LW9ubHktYnVyZWF1LWNhY2hlLWtleQ==";
    }
}
