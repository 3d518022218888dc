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
 */
@Component
public class SandboxLiveness implements LivenessCheck {

    /** seed → score of a presentation attack (0: printed photo held to the camera). */
    public static final Map<Long, BigDecimal> SPOOF_SEEDS = Map.of(0L, new BigDecimal("0.12"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxLatency latency;

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
