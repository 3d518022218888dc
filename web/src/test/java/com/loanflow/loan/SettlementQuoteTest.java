package com.loanflow.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The settlement quote of 1,000.00 over 6 months at 18% paid out on 2026-03-01 (installment 1: 160.53 + 15.00 due
 * 2026-04-01, 31 days; installment 2: 163.94 + 12.59 due 2026-05-01, 30 days), on dates a fixed Clock sets: interest
 * only for the days elapsed, figures worked out by hand.
 */
class SettlementQuoteTest {

    static final LocalDate PAYOUT = LocalDate.of(2026, 3, 1);

    @Test
    void onTheDayOfThePayoutOnlyThePrincipalIsOwed() {
        SettlementQuote quote = quote(loan(BigDecimal.ZERO), installments(), on(PAYOUT));

        assertThat(quote.remainingPrincipal()).isEqualByComparingTo("1000.00");
        assertThat(quote.accruedInterest()).isEqualByComparingTo("0.00");
        assertThat(quote.overduePenalty()).isEqualByComparingTo("0.00");
        assertThat(quote.total()).isEqualByComparingTo("1000.00");
    }

    @Test
    void onDay10TheInterestIsTenThirtyFirstsOfTheFirstPeriod() {
        SettlementQuote quote = quote(loan(BigDecimal.ZERO), installments(), on(PAYOUT.plusDays(10)));

        assertThat(quote.accruedInterest()).isEqualByComparingTo("4.84"); // 15.00 × 10 / 31 = 4.8387
        assertThat(quote.total()).isEqualByComparingTo("1004.84");
        assertThat(quote.interestSettled().subList(1, 6)).allMatch(i -> i.signum() == 0);
    }

    @Test
    void threeDaysAfterAMissedDueDateThePastDueInterestIsOwedInFullWithTheOverdueInterest() {
        List<Installment> installments = installments();
        Installment first = installments.get(0);
        installments.set(0, new Installment(first.id(), first.loanId(), first.seq(), first.dueDate(), first.principalDue(),
                first.interestDue(), first.principalPaid(), first.interestPaid(), first.status(), first.version(),
                new BigDecimal("15.00"), new BigDecimal("0.16"), BigDecimal.ZERO));

        SettlementQuote quote = quote(loan(new BigDecimal("0.16")), installments, on(LocalDate.of(2026, 4, 4)));

        // 15.00 past due + 12.59 × 3 / 30 = 1.259 → 1.26
        assertThat(quote.accruedInterest()).isEqualByComparingTo("16.26");
        assertThat(quote.overduePenalty()).isEqualByComparingTo("0.16");
        assertThat(quote.total()).isEqualByComparingTo("1016.42");
    }

    @Test
    void interestAlreadyPaidIsNeitherChargedAgainNorRefunded() {
        List<Installment> installments = installments();
        Installment first = installments.get(0);
        // installment 1 paid in full on the day of the payout (scheduled interest included)
        installments.set(0, new Installment(first.id(), first.loanId(), 1, first.dueDate(), first.principalDue(),
                first.interestDue(), first.principalDue(), first.interestDue(), Installment.InstallmentStatus.PAID, 1,
                first.interestDue(), BigDecimal.ZERO, BigDecimal.ZERO));
        Loan loan = loan(BigDecimal.ZERO);
        Loan afterFirst = new Loan(loan.id(), loan.applicationId(), loan.borrowerId(), loan.principal(),
                loan.aprPercent(), 6, new BigDecimal("839.47"), loan.outstandingInterest().subtract(new BigDecimal("15.00")),
                LoanStatus.ACTIVE, loan.disbursedAt(), null, 1, loan.serviceFee(), loan.irrAprPercent(), BigDecimal.ZERO);

        assertThat(quote(afterFirst, installments, on(PAYOUT)).total()).isEqualByComparingTo("839.47");
        // on 2026-04-15, 14 of installment 2's 30 days: 12.59 × 14 / 30 = 5.8753 → 5.88
        assertThat(quote(afterFirst, installments, on(LocalDate.of(2026, 4, 15))).total()).isEqualByComparingTo("845.35");
    }

    @Test
    void afterTheLastDueDateTheQuoteIsTheWholeScheduleAndNeverMore() {
        Loan loan = loan(BigDecimal.ZERO);

        SettlementQuote quote = quote(loan, installments(), on(PAYOUT.plusYears(1)));

        assertThat(quote.accruedInterest()).isEqualByComparingTo(loan.outstandingInterest());
        assertThat(quote.total()).isEqualByComparingTo(loan.outstanding());
    }

    private static SettlementQuote quote(Loan loan, List<Installment> installments, Clock clock) {
        return SettlementQuote.of(loan, installments, LocalDate.now(clock));
    }

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static Loan loan(BigDecimal penalty) {
        BigDecimal interest = RepaymentSchedule.totalInterest(schedule());
        return new Loan("loan-1", "app-1", "borrower-1", new BigDecimal("1000.00"), new BigDecimal("18.00"), 6,
                new BigDecimal("1000.00"), interest, LoanStatus.ACTIVE, PAYOUT.atTime(9, 30), null, 0, BigDecimal.ZERO,
                new BigDecimal("18.00"), penalty);
    }

    private static List<RepaymentSchedule.Line> schedule() {
        return RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 6, PAYOUT);
    }

    private static List<Installment> installments() {
        List<Installment> installments = new ArrayList<>();
        for (RepaymentSchedule.Line line : schedule()) {
            installments.add(new Installment("i" + line.seq(), "loan-1", line.seq(), line.dueDate(), line.principal(),
                    line.interest(), BigDecimal.ZERO, BigDecimal.ZERO, Installment.InstallmentStatus.PENDING, 0,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        assertThat(installments.get(0).interestDue()).isEqualByComparingTo("15.00");
        assertThat(installments.get(1).interestDue()).isEqualByComparingTo("12.59");
        assertThat(LocalDateTime.of(2026, 4, 1, 0, 0)).isEqualTo(installments.get(0).dueDate().atStartOfDay());
        return installments;
    }
}
