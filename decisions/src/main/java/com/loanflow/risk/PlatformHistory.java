package com.loanflow.risk;

import java.math.BigDecimal;

/**
 * The applicant's record on this platform, which a bureau report cannot show yet (a report cached for 30 days, or a
 * bureau that hears of our loans late): how earlier loans here were repaid. Counts and one limit only, nothing
 * personal, since the decision record keeps this input for replay.
 *
 * @param settledLoans       earlier loans here that were repaid in full
 * @param maxDaysPastDue     the most days any installment of an earlier loan here (last 24 months) was repaid late;
 *                           0 when always on time or no earlier loan
 * @param onTimeInstallments installments of the most recently settled loan paid without overdue interest once due:
 *                           each loan earns at most one limit step, by its own record (a record counted over all
 *                           loans would step again on every new loan, however briefly held)
 * @param settledCreditLimit the credit limit of the most recently settled loan (CNY), the base a limit increase
 *                           steps up from; null when no loan was settled (and on inputs recorded before it existed)
 */
public record PlatformHistory(int settledLoans, int maxDaysPastDue, int onTimeInstallments,
                              BigDecimal settledCreditLimit) {

    /** No earlier loan here (and what decisions recorded before the field existed replay with). */
    public static final PlatformHistory NONE = new PlatformHistory(0, 0, 0, null);

    public PlatformHistory {
        if (settledLoans < 0 || maxDaysPastDue < 0 || onTimeInstallments < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (settledCreditLimit != null && settledCreditLimit.signum() < 0) {
            throw new IllegalArgumentException("a credit limit must not be negative");
        }
    }

    /** A record without the repayment steps (callers and recorded inputs from before limit increases were wired). */
    public PlatformHistory(int settledLoans, int maxDaysPastDue) {
        this(settledLoans, maxDaysPastDue, 0, null);
    }

    /** Whether a limit increase can apply: a loan here was repaid in full and its limit is known. */
    public boolean repeatBorrower() {
        return settledLoans > 0 && settledCreditLimit != null;
    }
}
