package com.loanflow.loan;

import com.loanflow.risk.PlatformHistory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How a borrower repaid earlier loans here, for the next credit decision (the bureau may not show our loans yet). An
 * installment's days late are read from the overdue interest it was charged (after waivers): that interest is the
 * daily overdue rate on its overdue principal for each late day, so charged / (rate x principal due) is a lower bound
 * on the days (a partial payment lowers the principal the later days were charged on), never more than the truth.
 */
@Component
public class RepaymentRecord {

    /** How far back earlier loans count (by payout). */
    static final int LOOKBACK_MONTHS = 24;

    private final LoanMapper mapper;
    private final Clock clock;

    RepaymentRecord(LoanMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The borrower's loans other than this application's. */
    public PlatformHistory of(String borrowerId, String applicationId) {
        return summarise(mapper.findEarlierInstallments(borrowerId, applicationId,
                LocalDateTime.now(clock).minusMonths(LOOKBACK_MONTHS)));
    }

    static PlatformHistory summarise(List<LoanMapper.EarlierInstallment> installments) {
        Set<String> settled = new HashSet<>();
        int maxDaysLate = 0;
        for (LoanMapper.EarlierInstallment i : installments) {
            if (i.loanStatus() == LoanStatus.SETTLED) {
                settled.add(i.loanId());
            }
            maxDaysLate = Math.max(maxDaysLate, daysLate(i.penaltyDue(), i.principalDue(), i.aprPercent()));
        }
        return new PlatformHistory(settled.size(), maxDaysLate);
    }

    /** Whole days of overdue interest charged on this principal at this APR's daily rate (0 when none). */
    static int daysLate(BigDecimal penaltyCharged, BigDecimal principalDue, BigDecimal aprPercent) {
        BigDecimal aDay = LoanProduct.dailyPenalty(principalDue, aprPercent);
        if (penaltyCharged.signum() <= 0) {
            return 0;
        }
        if (aDay.signum() <= 0) {
            return 1; // a principal too small to accrue a fen a day: late, by at least a day
        }
        return Math.max(1, penaltyCharged.divide(aDay, 0, RoundingMode.DOWN).intValueExact());
    }
}
