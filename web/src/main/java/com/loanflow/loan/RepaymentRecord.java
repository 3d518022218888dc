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
 * An installment paid without overdue interest counts as on time once its due date has come; the last settled loan's
 * approved credit limit, and its own on-time installments, are what a limit step is taken from (RiskEngine.price).
 */
@Component
public class RepaymentRecord {

    /** How far back earlier loans count (by payout). */
    public static final int LOOKBACK_MONTHS = 24;

    private final LoanMapper mapper;
    private final Clock clock;

    RepaymentRecord(LoanMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The borrower's loans other than this application's. */
    public PlatformHistory of(String borrowerId, String applicationId) {
        return summarise(mapper.findEarlierInstallments(borrowerId, applicationId,
                LocalDateTime.now(clock).minusMonths(LOOKBACK_MONTHS)), java.time.LocalDate.now(clock));
    }

    static PlatformHistory summarise(List<LoanMapper.EarlierInstallment> installments, java.time.LocalDate today) {
        Set<String> settled = new HashSet<>();
        java.util.Map<String, Integer> onTimeByLoan = new java.util.HashMap<>();
        int maxDaysLate = 0;
        LoanMapper.EarlierInstallment lastSettled = null;
        for (LoanMapper.EarlierInstallment i : installments) {
            if (i.loanStatus() == LoanStatus.SETTLED) {
                settled.add(i.loanId());
                if (lastSettled == null || settledLater(i, lastSettled)) {
                    lastSettled = i;
                }
            }
            int daysLate = daysLate(i.penaltyDue(), i.principalDue(), i.aprPercent());
            maxDaysLate = Math.max(maxDaysLate, daysLate);
            // paid without overdue interest, and its due date has come: a record builds up as the schedule runs, so
            // a loan repaid in full the day after payout is not a record of many on-time installments (nor are
            // installments closed by an early settlement, SETTLED, which never fell due)
            if (i.installmentStatus() == Installment.InstallmentStatus.PAID && daysLate == 0
                    && !i.dueDate().isAfter(today)) {
                onTimeByLoan.merge(i.loanId(), 1, Integer::sum);
            }
        }
        // the last settled loan's own record: each loan earns at most one limit step (RiskEngine.price)
        return new PlatformHistory(settled.size(), maxDaysLate,
                lastSettled == null ? 0 : onTimeByLoan.getOrDefault(lastSettled.loanId(), 0),
                lastSettled == null ? null : lastSettled.creditLimit());
    }

    /** Later settlement first; a loan without a settlement time last; a tie by loan id, so H2 and MariaDB agree. */
    private static boolean settledLater(LoanMapper.EarlierInstallment a, LoanMapper.EarlierInstallment b) {
        if (a.loanId().equals(b.loanId())) {
            return false;
        }
        if (a.settledAt() == null || b.settledAt() == null) {
            return a.settledAt() != null || (b.settledAt() == null && a.loanId().compareTo(b.loanId()) > 0);
        }
        int byTime = a.settledAt().compareTo(b.settledAt());
        return byTime > 0 || (byTime == 0 && a.loanId().compareTo(b.loanId()) > 0);
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
