package com.loanflow.loan;

import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What settles the loan on {@code asOf} (contract 1.1 第六条): the remaining principal, the interest of the days
 * actually elapsed (the current period pro rata, past-due installments in full) not yet paid, and the overdue interest
 * accrued and not yet paid. Interest of days not yet elapsed is not charged, and there is no fee.
 *
 * <p>Day count: each installment's scheduled interest is earned evenly over the actual days of its period
 * (previous due date, or the disbursement date, to its due date), to the fen HALF_EVEN — exactly the figure the daily
 * accrual ({@link LoanAccrual#earnedBy}) recognises, so settling never books more or less than the ledger expects.
 * Overdue interest counts as the accrual job charged it (a day it missed is not charged, in the borrower's favour).
 *
 * @param interestSettled per installment (schedule order), the interest it keeps once settled: its interest_due
 *                        is lowered to this and the rest is waived
 */
public record SettlementQuote(LocalDate asOf, BigDecimal remainingPrincipal, BigDecimal accruedInterest,
                              BigDecimal overduePenalty, BigDecimal total, List<BigDecimal> interestSettled) {

    public SettlementQuote {
        interestSettled = List.copyOf(interestSettled);
    }

    public static SettlementQuote of(Loan loan, List<Installment> installments, LocalDate asOf) {
        return of(loan, installments, asOf, true);
    }

    /**
     * What settled the loan on a past value date, for money that arrived then and is applied only now: the interest of
     * the days elapsed by then, even where daily accrual has since recognised more (the caller reverses that income).
     * The overdue interest is the loan's as it stands: the caller has waived what accrued after the value date.
     */
    public static SettlementQuote asOfValueDate(Loan loan, List<Installment> installments, LocalDate valueDate) {
        return of(loan, installments, valueDate, false);
    }

    private static SettlementQuote of(Loan loan, List<Installment> installments, LocalDate asOf,
                                      boolean keepRecognised) {
        if (loan.status() != LoanStatus.ACTIVE) {
            return new SettlementQuote(asOf, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                    installments.stream().map(Installment::interestDue).toList());
        }
        BigDecimal interest = Money.ZERO;
        List<BigDecimal> settled = new ArrayList<>();
        LocalDate periodStart = loan.disbursedAt().toLocalDate();
        for (Installment i : installments) {
            // never below what is already paid or recognised: money received is not refunded, income not reversed
            BigDecimal kept = LoanAccrual.earnedBy(i, periodStart, asOf).max(i.interestPaid())
                    .max(keepRecognised ? i.interestRecognised() : Money.ZERO).min(i.interestDue());
            settled.add(kept);
            interest = interest.add(kept.subtract(i.interestPaid()).max(Money.ZERO));
            periodStart = i.dueDate();
        }
        BigDecimal principal = loan.outstandingPrincipal();
        BigDecimal penalty = loan.outstandingPenalty();
        return new SettlementQuote(asOf, principal, interest, penalty, principal.add(interest).add(penalty), settled);
    }
}
