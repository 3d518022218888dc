package com.loanflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The days of the last week the nightly runs left unreconciled, never days before the first run ever. */
class ReconciliationDaysMissedTest {

    private static final LocalDate FROM = LocalDate.parse("2026-11-19");
    private static final LocalDate TO = LocalDate.parse("2026-11-24");

    @Test
    void countsTheWindowsDaysWithoutARun() {
        assertThat(OperationalGauges.daysMissed(LocalDate.parse("2025-01-01"), 6, FROM, TO)).isZero();
        assertThat(OperationalGauges.daysMissed(LocalDate.parse("2025-01-01"), 4, FROM, TO)).isEqualTo(2);
        assertThat(OperationalGauges.daysMissed(LocalDate.parse("2025-01-01"), 0, FROM, TO)).isEqualTo(6);
    }

    @Test
    void aNewInstallationHasMissedNothingBeforeItsFirstRun() {
        assertThat(OperationalGauges.daysMissed(null, 0, FROM, TO)).as("never run: the not-run alert's case").isZero();
        assertThat(OperationalGauges.daysMissed(LocalDate.parse("2026-11-22"), 3, FROM, TO)).isZero();
        assertThat(OperationalGauges.daysMissed(LocalDate.parse("2026-11-22"), 2, FROM, TO)).isOne();
        assertThat(OperationalGauges.daysMissed(LocalDate.parse("2026-11-25"), 0, FROM, TO))
                .as("first run yesterday").isZero();
    }
}
