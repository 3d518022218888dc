package com.loanflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * When a declined borrower may apply again: the configured days after the decline, counted in calendar days of the
 * lender's zone; never after an identity mismatch (corrected, not declined) or for an application not declined.
 * LoanFlowEndToEndTest shows the 409 and the application after the wait.
 */
class ReapplyAfterDeclineTest {

    private static final LocalDateTime DECLINED_AT = LocalDateTime.parse("2026-11-26T23:50:00");

    private static Applications waiting(int days) {
        return new Applications(null, null, null, null, null, null, Clock.systemUTC(), new BigDecimal("500.00"),
                new BigDecimal("2000.00"), new BigDecimal("5000.00"), days);
    }

    private static LoanApplication application(ApplicationStatus status, String reasonCodes) {
        return new LoanApplication("a-1", "b-1", "key-0001", new BigDecimal("1000.00"), 6, null, null, "****0007",
                "CONSUMPTION", status, reasonCodes, null, null, null, null, null, DECLINED_AT.minusMinutes(5),
                DECLINED_AT, 3);
    }

    @Test
    void aCreditDeclineWaitsTheConfiguredCalendarDays() {
        assertThat(waiting(30).reapplyFrom(application(ApplicationStatus.REJECTED, "R_HIGH_DEFAULT_PROBABILITY")))
                .isEqualTo(LocalDate.parse("2026-12-26"));
        assertThat(waiting(30).reapplyFrom(application(ApplicationStatus.REJECTED,
                "R_REVIEW_REJECTED,R_REVIEW_AFFORDABILITY,R_BORDERLINE_SCORE"))).isEqualTo(LocalDate.parse("2026-12-26"));
        assertThat(waiting(7).reapplyFrom(application(ApplicationStatus.REJECTED, null)))
                .isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void noWaitAfterAnIdentityMismatchOrAnythingButADeclineOrWhenSwitchedOff() {
        assertThat(waiting(30).reapplyFrom(application(ApplicationStatus.REJECTED, "R_IDENTITY"))).isNull();
        assertThat(waiting(30).reapplyFrom(application(ApplicationStatus.CANCELLED, "R_WITHDRAWN_BY_BORROWER")))
                .isNull();
        assertThat(waiting(30).reapplyFrom(application(ApplicationStatus.DISBURSEMENT_FAILED, null))).isNull();
        assertThat(waiting(0).reapplyFrom(application(ApplicationStatus.REJECTED, "R_BLACKLIST"))).isNull();
        assertThat(waiting(30).reapplyFrom((LocalDateTime) null)).isNull();
        assertThatThrownBy(() -> waiting(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
