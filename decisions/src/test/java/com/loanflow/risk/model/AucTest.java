package com.loanflow.risk.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AucTest {

    @Test
    void perfectRankingIsOneAndReversedIsZero() {
        assertThat(Auc.of(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
        assertThat(Auc.of(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
    }

    @Test
    void tiesCountHalf() {
        assertThat(Auc.of(new float[] {0.5f, 0.5f}, new int[] {0, 1})).isCloseTo(0.5, within(1e-12));
        assertThat(Auc.of(new float[] {0.1f, 0.5f, 0.5f, 0.9f}, new int[] {0, 0, 1, 1}))
                .isCloseTo(0.875, within(1e-12));
    }
}
