package com.loanflow.repayment;

import com.loanflow.loan.Installment;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanProduct;
import com.loanflow.loan.SettlementQuote;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bank transfer is applied when a second operator approves it, often days after the money arrived; meanwhile the
 * daily accrual kept charging overdue interest on principal the transfer had in fact repaid. This works out, from
 * the loan as it stands and the days accrued after the value date, what applying the money on its value date would
 * have left (docs/adr/0028-value-dated-bank-transfers.md):
 * <ul>
 *   <li>per installment, the overdue interest accrued after the value date, recomputed as the accrual job charged it
 *   (the day's rate on the principal overdue, for each day accrued after both the value date and the due date);</li>
 *   <li>the transfer allocated to the loan as it stood on the value date (that overdue interest left out), which gives
 *   the principal it repays on each installment;</li>
 *   <li>what would still have accrued on the principal left overdue after that: it stays owed, paid last; the rest
 *   is waived;</li>
 *   <li>whether the amount is exactly what settled the loan on the value date: then all of that overdue interest is
 *   waived and the loan settles as of that date.</li>
 * </ul>
 * Exact when no other money was applied to the loan after the value date; otherwise the recomputation uses the
 * principal overdue as it stands now, which is no more than it was, so the waiver is never more than what accrued.
 */
final class ValueDating {

    /**
     * @param waived       per installment id, the overdue interest to waive
     * @param payLast      per installment id, overdue interest after the value date that stays owed: the transfer
     *                     pays it only after everything the loan owed on the value date
     * @param settlesEarly the amount is exactly what settled the loan on the value date
     */
    record Plan(Map<String, BigDecimal> waived, Map<String, BigDecimal> payLast, boolean settlesEarly) {

        static final Plan NONE = new Plan(Map.of(), Map.of(), false);

        BigDecimal totalWaived() {
            return waived.values().stream().reduce(Money.ZERO, BigDecimal::add);
        }
    }

    private ValueDating() {
    }

    /**
     * @param accruedFrom the days accrued for this loan from the value date on and before the day the money is applied
     *                    (the value date's own run, just after its midnight, would have seen the money, as it sees a
     *                    withholding confirmed that day; the approval day and later accrue on the loan as it is once
     *                    the money is applied); empty: no overdue interest to date back
     * @param today       the day the money is applied; a value date before it is dated back, whether or not the
     *                    accrual job has run since
     */
    static Plan plan(Loan loan, List<Installment> installments, LocalDate valueDate, List<LocalDate> accruedFrom,
                     BigDecimal amount, LocalDate today) {
        if (!valueDate.isBefore(today)) {
            return Plan.NONE; // money of today: today's quote and allocation apply
        }
        if (accruedFrom.isEmpty()) {
            // a past value date with no accrual run since (the job not yet run today, or failed for this loan): no
            // overdue interest to waive, but the amount that settled the loan then still settles it as of then
            return amount.compareTo(SettlementQuote.asOfValueDate(loan, installments, valueDate).total()) == 0
                    ? new Plan(Map.of(), Map.of(), true) : Plan.NONE;
        }
        int n = installments.size();
        long[] overdueDays = new long[n];
        BigDecimal[] afterValueDate = afterValueDate(loan, installments, accruedFrom, overdueDays);
        Map<String, BigDecimal> waived = new HashMap<>();
        Map<String, BigDecimal> payLast = new HashMap<>();
        // exactly what settled the loan on the value date settles it as of then, overdue or not
        if (amount.compareTo(payoff(loan, installments, valueDate, afterValueDate)) == 0) {
            for (int k = 0; k < n; k++) {
                put(waived, installments.get(k), afterValueDate[k]);
            }
            return new Plan(waived, payLast, true);
        }
        if (total(afterValueDate).signum() == 0) {
            return Plan.NONE;
        }
        BigDecimal left = amount;
        for (int k = 0; k < n; k++) {
            Installment i = installments.get(k);
            if (i.status().isClosed()) {
                continue;
            }
            left = left.subtract(left.min(i.penaltyOwed().subtract(afterValueDate[k])));
            left = left.subtract(left.min(i.interestOwed()));
            BigDecimal principal = left.min(i.principalOwed());
            left = left.subtract(principal);
            BigDecimal stillAccrued = accruedOn(i.principalOwed().subtract(principal), overdueDays[k], loan)
                    .min(afterValueDate[k]);
            put(waived, i, afterValueDate[k].subtract(stillAccrued));
            put(payLast, i, stillAccrued);
        }
        return new Plan(waived, payLast, false);
    }

    /**
     * What settled the loan on the value date, given the days accrued from it on: principal, the interest of the days
     * elapsed by then, and the overdue interest accrued before it. The most a transfer of that value date may be.
     */
    static BigDecimal payoff(Loan loan, List<Installment> installments, LocalDate valueDate,
                             List<LocalDate> accruedFrom) {
        return payoff(loan, installments, valueDate,
                afterValueDate(loan, installments, accruedFrom, new long[installments.size()]));
    }

    private static BigDecimal payoff(Loan loan, List<Installment> installments, LocalDate valueDate,
                                     BigDecimal[] afterValueDate) {
        return SettlementQuote.asOfValueDate(loan, installments, valueDate).total().subtract(total(afterValueDate));
    }

    /** Per installment, the overdue interest accrued on the given days, as the accrual job charged it. */
    private static BigDecimal[] afterValueDate(Loan loan, List<Installment> installments, List<LocalDate> days,
                                               long[] overdueDays) {
        BigDecimal[] after = new BigDecimal[installments.size()];
        for (int k = 0; k < installments.size(); k++) {
            Installment i = installments.get(k);
            overdueDays[k] = days.stream().filter(day -> i.dueDate().isBefore(day)).count();
            after[k] = i.status().isClosed() ? Money.ZERO
                    : accruedOn(i.principalOwed(), overdueDays[k], loan).min(i.penaltyOwed());
        }
        return after;
    }

    private static BigDecimal total(BigDecimal[] amounts) {
        BigDecimal sum = Money.ZERO;
        for (BigDecimal a : amounts) {
            sum = sum.add(a);
        }
        return sum;
    }

    /** The overdue interest the accrual job charges on this principal over this many days. */
    private static BigDecimal accruedOn(BigDecimal overduePrincipal, long days, Loan loan) {
        return LoanProduct.dailyPenalty(overduePrincipal, loan.aprPercent()).multiply(BigDecimal.valueOf(days));
    }

    private static void put(Map<String, BigDecimal> map, Installment installment, BigDecimal amount) {
        if (amount.signum() > 0) {
            map.put(installment.id(), amount);
        }
    }
}
