package com.loanflow.workers.identity.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.identity.LivenessCheck;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sandbox liveness: the score is derived from the seed in the selfie's {@value SandboxIdCard#SELFIE_CHUNK} chunk.
 * Documented spoof seeds score low; every other seed scores 0.90–0.99. No readable chunk means no face: 0.00.
 * Outages: seed 9 finds the provider timing out on its first call in a worker process, seed 8 on every call
 * (RetryableFailure: retried, then an incident).
 */
@Component
public class SandboxLiveness implements LivenessCheck {

    /** seed → score of a presentation attack (0: printed photo held to the camera). */
    public static final Map<Long, BigDecimal> SPOOF_SEEDS = Map.of(0L, new BigDecimal("0.12"));
    private static final ObjectMapper JSON = new ObjectMapper();

    static final long TIMES_OUT_ONCE_SEED = 9L;
    static final long ALWAYS_TIMES_OUT_SEED = 8L;

    private final SandboxLatency latency;
    private final java.util.concurrent.atomic.AtomicBoolean timedOutOnce = new java.util.concurrent.atomic.AtomicBoolean();

    public SandboxLiveness(SandboxLatency latency) {
        this.latency = latency;
    }

    @Override
    public BigDecimal score(byte[] selfie) {
        latency.await();
        try {
            String text = PngTextChunks.read(selfie).get(SandboxIdCard.SELFIE_CHUNK);
            if (text == null) {
                return BigDecimal.ZERO.setScale(2);
            }
            JsonNode seed = JSON.readTree(text).path("seed");
            if (seed.canConvertToLong() && (seed.asLong() == ALWAYS_TIMES_OUT_SEED
                    || seed.asLong() == TIMES_OUT_ONCE_SEED && timedOutOnce.compareAndSet(false, true))) {
                throw new com.loanflow.workers.platform.RetryableFailure("Liveness provider timeout (sandbox seed "
                        + seed.asLong() + ")");
            }
            return seed.canConvertToLong() ? scoreForSeed(seed.asLong()) : BigDecimal.ZERO.setScale(2);
        } catch (PngTextChunks.NotAPng | IOException e) {
            return BigDecimal.ZERO.setScale(2);
        }
    }

    public static BigDecimal scoreForSeed(long seed) {
        BigDecimal spoof = SPOOF_SEEDS.get(seed);
        if (spoof != null) {
            return spoof;
        }
        long mixed = seed * 0x9E3779B97F4A7C15L; // spread neighbouring seeds over the range
        return BigDecimal.valueOf(90 + Math.floorMod(mixed >>> 32, 10), 2);
    }
}
