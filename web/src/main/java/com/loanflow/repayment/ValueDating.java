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
     * @param accruedAfter the days accrued for this loan after the value date and before the day the money is applied
     *                     (that day and later accrue on the loan as the money leaves it; empty: nothing to date back)
     */
    static Plan plan(Loan loan, List<Installment> installments, LocalDate valueDate, List<LocalDate> accruedAfter,
                     BigDecimal amount) {
        if (accruedAfter.isEmpty()) {
            return Plan.NONE;
        }
        int n = installments.size();
        long[] overdueDays = new long[n];
        BigDecimal[] afterValueDate = new BigDecimal[n];
        BigDecimal afterTotal = Money.ZERO;
        for (int k = 0; k < n; k++) {
            Installment i = installments.get(k);
            overdueDays[k] = accruedAfter.stream().filter(day -> i.dueDate().isBefore(day)).count();
            afterValueDate[k] = i.status().isClosed() ? Money.ZERO
                    : accruedOn(i.principalOwed(), overdueDays[k], loan).min(i.penaltyOwed());
            afterTotal = afterTotal.add(afterValueDate[k]);
        }
        if (afterTotal.signum() == 0) {
            return Plan.NONE;
        }
        Map<String, BigDecimal> waived = new HashMap<>();
        Map<String, BigDecimal> payLast = new HashMap<>();
        BigDecimal asOfValueDate = SettlementQuote.asOfValueDate(loan, installments, valueDate).total()
                .subtract(afterTotal);
        if (amount.compareTo(asOfValueDate) == 0) {
            for (int k = 0; k < n; k++) {
                put(waived, installments.get(k), afterValueDate[k]);
            }
            return new Plan(waived, payLast, true);
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
