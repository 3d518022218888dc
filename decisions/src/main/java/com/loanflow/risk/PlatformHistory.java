package com.loanflow.risk;

/**
 * The applicant's record on this platform, which a bureau report cannot show yet (a report cached for 30 days, or a
 * bureau that hears of our loans late): how earlier loans here were repaid. Counts only, nothing personal, since the
 * decision record keeps this input for replay.
 *
 * @param settledLoans   earlier loans here that were repaid in full
 * @param maxDaysPastDue the most days any installment of an earlier loan here (last 24 months) was repaid late;
 *                       0 when always on time or no earlier loan
 */
public record PlatformHistory(int settledLoans, int maxDaysPastDue) {

    /** No earlier loan here (and what decisions recorded before the field existed replay with). */
    public static final PlatformHistory NONE = new PlatformHistory(0, 0);

    public PlatformHistory {
        if (settledLoans < 0 || maxDaysPastDue < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
