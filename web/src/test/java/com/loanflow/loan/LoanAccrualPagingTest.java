package com.loanflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The nightly run walks the active loans a page at a time, each loan once, and retries a failed one at the end. */
class LoanAccrualPagingTest {

    @Test
    void everyActiveLoanLentByThatDayIsVisitedOncePageByPage() {
        LoanMapper mapper = mock(LoanMapper.class);
        LocalDate day = LocalDate.of(2026, 11, 25);
        LocalDateTime lentBefore = LocalDateTime.of(2026, 11, 26, 0, 0);
        when(mapper.findActiveIdsPage(eq(lentBefore), isNull(), eq(2))).thenReturn(List.of("a", "b"));
        when(mapper.findActiveIdsPage(lentBefore, "b", 2)).thenReturn(List.of("c", "d"));
        when(mapper.findActiveIdsPage(lentBefore, "d", 2)).thenReturn(List.of("e"));
        when(mapper.findActiveIdsPage(lentBefore, "e", 2)).thenReturn(List.of());
        List<String> visited = new ArrayList<>();
        LoanAccrual accrual = new LoanAccrual(mapper, null, null, Clock.systemDefaultZone()) {
            private boolean cFailedOnce;

            @Override
            public Optional<DayAmounts> accrueLoan(String loanId, LocalDate accrued) {
                assertThat(accrued).isEqualTo(day);
                visited.add(loanId);
                if (loanId.equals("c") && !cFailedOnce) {
                    cFailedOnce = true;
                    throw new org.springframework.dao.CannotAcquireLockException("lock wait");
                }
                return loanId.equals("a") ? Optional.empty() // accrued before: skipped
                        : Optional.of(new DayAmounts(new java.math.BigDecimal("0.50"), new java.math.BigDecimal("0.00")));
            }
        };

        LoanAccrual.Result result = accrual.accrue(day, 2);

        assertThat(visited).containsExactly("a", "b", "c", "d", "e", "c");
        assertThat(result.loansAccrued()).isEqualTo(4);
        assertThat(result.interest()).isEqualByComparingTo("2.00");
        org.mockito.Mockito.verify(mapper, org.mockito.Mockito.times(4)).findActiveIdsPage(any(), any(), eq(2));
    }
}
