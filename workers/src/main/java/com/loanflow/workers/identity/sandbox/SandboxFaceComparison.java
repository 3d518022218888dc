package com.loanflow.workers.identity.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.identity.FaceComparison;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sandbox face comparison, deterministic from the two images' sandbox chunks: the selfie's {@code seed} and the
 * card's {@code idNumber}. Documented "someone else" seeds score low; any other pair scores 0.85–0.99, fixed per pair.
 * An image without its chunk has no face the sandbox can find: 0.00.
 */
@Component
public class SandboxFaceComparison implements FaceComparison {

    /** seed → similarity of a selfie showing someone other than the card holder (1: a different person). */
    public static final Map<Long, BigDecimal> OTHER_PERSON_SEEDS = Map.of(1L, new BigDecimal("0.31"));
    private static final BigDecimal NO_FACE = BigDecimal.ZERO.setScale(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxLatency latency;

    public SandboxFaceComparison(SandboxLatency latency) {
        this.latency = latency;
    }

    @Override
    public BigDecimal similarity(byte[] selfie, byte[] idCardFront) {
        latency.await();
        JsonNode seed = chunk(selfie, SandboxIdCard.SELFIE_CHUNK).path("seed");
        JsonNode idNumber = chunk(idCardFront, SandboxIdCard.CARD_CHUNK).path("idNumber");
        if (!seed.canConvertToLong() || !idNumber.isTextual()) {
            return NO_FACE;
        }
        return similarityFor(seed.asLong(), idNumber.asText());
    }

    public static BigDecimal similarityFor(long seed, String idNumber) {
        BigDecimal other = OTHER_PERSON_SEEDS.get(seed);
        if (other != null) {
            return other;
        }
        long mixed = (seed ^ idNumber.hashCode()) * 0x9E3779B97F4A7C15L; // spread neighbouring pairs over the range
        return BigDecimal.valueOf(85 + Math.floorMod(mixed >>> 32, 15), 2);
    }

    private static JsonNode chunk(byte[] png, String key) {
        if (png == null) {
            return JSON.missingNode();
        }
        try {
            String text = PngTextChunks.read(png).get(key);
            return text == null ? JSON.missingNode() : JSON.readTree(text);
        } catch (PngTextChunks.NotAPng | IOException e) {
            return JSON.missingNode();
        }
    }
}
