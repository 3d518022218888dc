package com.loanflow.loan;

import com.loanflow.ledger.JournalEntry;
import com.loanflow.ledger.Ledger;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily accrual per active loan, once per loan and day (unique loan_accrual(loan_id, accrual_date)):
 * <ul>
 *   <li>interest: each installment's interest is earned evenly over its period; the day recognises the rounded
 *   cumulative share minus what is already recognised, so the shares add up to interest_due exactly and a missed
 *   day is caught up;</li>
 *   <li>overdue interest: principal overdue after its due date earns the contract's daily rate
 *   ({@link LoanProduct#penaltyDailyRatePercent}, APR/365 rounded down, so never above the cap annualised).</li>
 * </ul>
 * Each loan commits alone with its ledger entry; a concurrent repayment makes one side retry, never both count.
 */
@Service
public class LoanAccrual {

    private static final Logger log = LoggerFactory.getLogger(LoanAccrual.class);

    public record Result(LocalDate day, int loansAccrued, int alreadyAccrued, BigDecimal interest, BigDecimal penalty) {
    }

    public record DayAmounts(BigDecimal interest, BigDecimal penalty) {
    }

    private final LoanMapper mapper;
    private final Ledger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LoanAccrual(LoanMapper mapper, Ledger ledger, TransactionTemplate transaction, Clock clock) {
        this.mapper = mapper;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Accrues yesterday, shortly after midnight. */
    @Scheduled(cron = "${loanflow.ledger.accrual-cron:0 5 0 * * *}")
    void accrueYesterday() {
        Result result = accrue(LocalDate.now(clock).minusDays(1));
        log.info("Accrual for {}: {} loans, interest {}, overdue interest {}", result.day(), result.loansAccrued(),
                result.interest(), result.penalty());
    }

    /** Active loans read per query: memory stays flat however many loans are active. */
    static final int PAGE = 500;

    public Result accrue(LocalDate day) {
        return accrue(day, PAGE);
    }

    Result accrue(LocalDate day, int pageSize) {
        Tally tally = new Tally();
        List<String> failed = new ArrayList<>();
        // loans lent by the end of that day (a loan lent on it accrues nothing yet, which accrueLoan knows)
        java.time.LocalDateTime lentBefore = day.plusDays(1).atStartOfDay();
        String after = null;
        for (List<String> page = mapper.findActiveIdsPage(lentBefore, null, pageSize); !page.isEmpty();
             page = mapper.findActiveIdsPage(lentBefore, after, pageSize)) {
            for (String loanId : page) {
                try {
                    tally.add(accrueLoan(loanId, day).orElse(null));
                } catch (RuntimeException e) {
                    // a concurrent repayment, a lock wait or a failover: one loan must not cost every later loan its
                    // day, and this loan gets one more try at the end of the run (a day accrues once per loan, so a
                    // retry after a commit that looked failed only finds it done)
                    log.info("Accrual of loan {} for {} failed ({}); tried again at the end of this run", loanId, day,
                            e.getClass().getSimpleName());
                    failed.add(loanId);
                }
            }
            after = page.get(page.size() - 1);
        }
        for (String loanId : failed) {
            try {
                tally.add(accrueLoan(loanId, day).orElse(null));
            } catch (RuntimeException e) {
                log.error("Accrual of loan {} for {} failed twice ({}): run POST /ops/v1/ledger/accruals/{} again",
                        loanId, day, e.getClass().getSimpleName(), day);
            }
        }
        return new Result(day, tally.accrued, tally.skipped, tally.interest, tally.penalty);
    }

    /** What a run accrued so far; null amounts: that loan's day was accrued before. */
    private static final class Tally {
        int accrued;
        int skipped;
        BigDecimal interest = Money.ZERO;
        BigDecimal penalty = Money.ZERO;

        void add(DayAmounts amounts) {
            if (amounts == null) {
                skipped++;
                return;
            }
            accrued++;
            interest = interest.add(amounts.interest());
            penalty = penalty.add(amounts.penalty());
        }
    }

    /**
     * Accrues yesterday for one active loan now, if the nightly run has not reached it yet: what settles the loan is
     * then the same before and after that run. Without this, a quote given between midnight and the run lacked
     * yesterday's overdue interest, and money asked for against it and confirmed after the run no longer settled
     * the loan (it was applied as a part payment). The same work the run does, once per loan and day (the run then
     * finds it done); joins the caller's transaction, so call it before the loan is read for a quote.
     */
    public void catchUp(String loanId) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        Loan loan = mapper.findById(loanId).orElse(null);
        if (loan == null || loan.status() != LoanStatus.ACTIVE || loan.disbursedAt().toLocalDate().isAfter(yesterday)
                || !mapper.findAccrualDaysBetween(loanId, yesterday, yesterday.plusDays(1)).isEmpty()) {
            return;
        }
        transaction.execute(tx -> accrue(loanId, yesterday));
    }

    /** One loan, one day, in its own transaction; empty when that day was accrued already. */
    public java.util.Optional<DayAmounts> accrueLoan(String loanId, LocalDate day) {
        return java.util.Optional.ofNullable(transaction.execute(tx -> accrue(loanId, day)));
    }

    /** @return null when this loan already accrued that day */
    private DayAmounts accrue(String loanId, LocalDate day) {
        // the loan's row first: a bank transfer recorded or a debit applied meanwhile is waited for and read, not a
        // version conflict that skips the day (the lock is taken before any read, as every path that changes a loan)
        mapper.lockForUpdate(loanId);
        Loan loan = mapper.findById(loanId).orElseThrow();
        if (loan.status() != LoanStatus.ACTIVE) {
            return new DayAmounts(Money.ZERO, Money.ZERO); // a settled loan earns nothing more
        }
        List<Installment> installments = mapper.findInstallments(loanId);
        BigDecimal interestTotal = Money.ZERO;
        BigDecimal penaltyTotal = Money.ZERO;
        LocalDate periodStart = loan.disbursedAt().toLocalDate();
        BigDecimal[] interest = new BigDecimal[installments.size()];
        BigDecimal[] penalty = new BigDecimal[installments.size()];
        for (int k = 0; k < installments.size(); k++) {
            Installment i = installments.get(k);
            interest[k] = interestShare(i, periodStart, day);
            penalty[k] = i.dueDate().isBefore(day) && i.principalOwed().signum() > 0
                    ? LoanProduct.dailyPenalty(i.principalOwed(), loan.aprPercent()) : Money.ZERO;
            interestTotal = interestTotal.add(interest[k]);
            penaltyTotal = penaltyTotal.add(penalty[k]);
            periodStart = i.dueDate();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            mapper.insertAccrual(Ids.newId(), loanId, day, interestTotal, penaltyTotal, now);
        } catch (DuplicateKeyException alreadyAccrued) {
            return null;
        }
        for (int k = 0; k < installments.size(); k++) {
            Installment i = installments.get(k);
            if (i.dueDate().isBefore(day) && (i.principalOwed().signum() > 0 || i.interestOwed().signum() > 0)) {
                // how late it has been at worst: a default stays a default once collected (StrategyComparison)
                mapper.recordDaysPastDue(i.id(), (int) ChronoUnit.DAYS.between(i.dueDate(), day));
            }
            if (interest[k].signum() == 0 && penalty[k].signum() == 0) {
                continue;
            }
            if (mapper.updateInstallmentAccrual(i.id(), i.interestRecognised().add(interest[k]),
                    i.penaltyDue().add(penalty[k]), i.version()) != 1) {
                throw new OptimisticLockingFailureException("Installment " + i.id() + " changed concurrently");
            }
        }
        if (penaltyTotal.signum() > 0 && mapper.updateOutstanding(loanId, loan.outstandingPrincipal(),
                loan.outstandingInterest(), loan.outstandingPenalty().add(penaltyTotal), loan.status(), null,
                loan.version()) != 1) {
            throw new OptimisticLockingFailureException("Loan " + loanId + " changed concurrently");
        }
        if (interestTotal.signum() > 0 || penaltyTotal.signum() > 0) {
            ledger.post(JournalEntry.accrual(loanId, loan.applicationId(), day, interestTotal, penaltyTotal, now));
        }
        return new DayAmounts(interestTotal, penaltyTotal);
    }

    /**
     * The interest earned by the end of {@code day} on one installment, as a rounded cumulative share of its period
     * (periodStart, dueDate], less what is recognised already (never negative: early payment recognised it).
     */
    static BigDecimal interestShare(Installment i, LocalDate periodStart, LocalDate day) {
        return earnedBy(i, periodStart, day).subtract(i.interestRecognised()).max(Money.ZERO);
    }

    /**
     * The interest of one installment earned by the end of {@code day}: interest_due × elapsed days / days of its
     * period (periodStart, dueDate], to the fen HALF_EVEN; 0 before the period starts, all of it from the due date.
     * The settlement quote uses the same figure, so what a settlement charges is what accrual would have recognised.
     */
    static BigDecimal earnedBy(Installment i, LocalDate periodStart, LocalDate day) {
        long periodDays = ChronoUnit.DAYS.between(periodStart, i.dueDate());
        long elapsed = Math.min(Math.max(ChronoUnit.DAYS.between(periodStart, day), 0), periodDays);
        return periodDays <= 0 ? i.interestDue() : i.interestDue().multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_EVEN);
    }
}
