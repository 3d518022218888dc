package com.loanflow.workers.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxFaceComparisonTest {

    private static final String ID = "110101199003070011";
    private final SandboxFaceComparison faces = new SandboxFaceComparison(SandboxLatency.none());
    private final byte[] card = SandboxIdCard.renderFront("张三", ID, "北京市");

    @Test
    void theCardHoldersSelfieMatchesWithAFixedScorePerPair() {
        BigDecimal first = faces.similarity(SandboxIdCard.renderSelfie(7), card);
        assertThat(first).isBetween(new BigDecimal("0.85"), new BigDecimal("0.99"));
        assertThat(faces.similarity(SandboxIdCard.renderSelfie(7), card)).isEqualTo(first);
        assertThat(first).isEqualTo(SandboxFaceComparison.similarityFor(7, ID));
    }

    @Test
    void everyOrdinarySeedScoresInTheMatchingBandAndOnlyTheDocumentedSeedDoesNot() {
        for (long seed = 2; seed < 500; seed++) {
            assertThat(SandboxFaceComparison.similarityFor(seed, ID)).as("seed " + seed)
                    .isBetween(new BigDecimal("0.85"), new BigDecimal("0.99"));
        }
        assertThat(faces.similarity(SandboxIdCard.renderSelfie(1), card)).isEqualByComparingTo("0.31");
    }

    @Test
    void anImageWithoutAFaceScoresZero() {
        byte[] notAnImage = "selfie".getBytes(StandardCharsets.UTF_8);
        assertThat(faces.similarity(notAnImage, card)).isEqualByComparingTo("0.00");
        assertThat(faces.similarity(SandboxIdCard.renderSelfie(7), notAnImage)).isEqualByComparingTo("0.00");
        assertThat(faces.similarity(SandboxIdCard.renderSelfie(7), null)).isEqualByComparingTo("0.00");
    }
}
