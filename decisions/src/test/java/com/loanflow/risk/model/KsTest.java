package com.loanflow.risk.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KsTest {

    @Test
    void perfectSeparationIsOneInEitherDirection() {
        assertThat(Ks.of(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
        assertThat(Ks.of(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void aConstantScoreSeparatesNothing() {
        assertThat(Ks.of(new float[] {0.3f, 0.3f, 0.3f, 0.3f}, new int[] {0, 1, 0, 1})).isZero();
    }

    @Test
    void isTheLargestGapBetweenTheCumulativeDistributions() {
        // thresholds from the top: >=0.9 TPR 1/2 FPR 0 -> 0.5; >=0.7 TPR 1/2 FPR 1/3; >=0.5 TPR 1 FPR 1/3 -> 0.667
        float[] scores = {0.9f, 0.7f, 0.5f, 0.3f, 0.1f};
        int[] labels = {1, 0, 1, 0, 0};
        assertThat(Ks.of(scores, labels)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void tiedScoresMoveTogether() {
        // a tie of one default and one non-default cannot be split by any threshold: gap 0.5 after the tie, not 1.0
        assertThat(Ks.of(new float[] {0.5f, 0.5f, 0.1f}, new int[] {1, 0, 0})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void needsBothClasses() {
        assertThatThrownBy(() -> Ks.of(new float[] {0.1f, 0.2f}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
