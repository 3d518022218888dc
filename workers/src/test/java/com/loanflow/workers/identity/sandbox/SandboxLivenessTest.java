package com.loanflow.workers.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SandboxLivenessTest {

    private static final BigDecimal PASS = new BigDecimal("0.80");
    private final SandboxLiveness liveness = new SandboxLiveness(SandboxLatency.none());

    @Test
    void documentedSpoofSeedScoresAsAPrintedPhoto() {
        assertThat(liveness.score(SandboxIdCard.renderSelfie(0))).isEqualByComparingTo("0.12");
    }

    @Test
    void seedsUsedByThePlatformTestsPass() {
        assertThat(liveness.score(SandboxIdCard.renderSelfie(7))).isGreaterThanOrEqualTo(PASS);
        for (SandboxIdentities.Identity identity : SandboxIdentities.ALL) {
            assertThat(liveness.score(SandboxIdCard.renderSelfie(identity.idNumber().hashCode())))
                    .isGreaterThanOrEqualTo(PASS);
        }
    }

    @Test
    void everySeedButTheDocumentedSpoofsScoresAtLeastPointNine() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long seed = random.nextLong();
            if (!SandboxLiveness.SPOOF_SEEDS.containsKey(seed)) {
                assertThat(SandboxLiveness.scoreForSeed(seed)).isBetween(new BigDecimal("0.90"), new BigDecimal("0.99"));
            }
        }
    }

    @Test
    void anImageWithoutASelfieChunkShowsNoFace() {
        assertThat(liveness.score(SandboxIdCard.renderFront("张三", "110101199003070011", "北京市")))
                .isEqualByComparingTo("0");
        assertThat(liveness.score(new byte[] {1, 2, 3})).isEqualByComparingTo("0");
    }

    @Test
    void seed9TimesOutOnceAndSeed8EveryTime() {
        SandboxLiveness fresh = new SandboxLiveness(SandboxLatency.none());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.score(SandboxIdCard.renderSelfie(9)))
                .isInstanceOf(com.loanflow.workers.platform.RetryableFailure.class).hasMessageContaining("timeout");
        assertThat(fresh.score(SandboxIdCard.renderSelfie(9))).isGreaterThanOrEqualTo(PASS);
        for (int attempt = 0; attempt < 3; attempt++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.score(SandboxIdCard.renderSelfie(8)))
                    .isInstanceOf(com.loanflow.workers.platform.RetryableFailure.class);
        }
    }
}
