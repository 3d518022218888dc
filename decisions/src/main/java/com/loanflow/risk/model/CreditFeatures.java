package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;

import java.util.List;

/**
 * The one mapping from a bureau report to the model's feature vector, shared by training and scoring so the two
 * cannot drift apart. Order matters: it is the column order of the shipped model.
 */
public final class CreditFeatures {

    /** Feature names in model column order (GMSC column names, plus the sentinel indicator). */
    public static final List<String> NAMES = List.of(
            "RevolvingUtilizationOfUnsecuredLines", "age", "NumberOfTime30-59DaysPastDueNotWorse", "DebtRatio",
            "MonthlyIncome", "NumberOfOpenCreditLinesAndLoans", "NumberOfTimes90DaysLate",
            "NumberRealEstateLoansOrLines", "NumberOfTime60-89DaysPastDueNotWorse", "NumberOfDependents",
            "PastDueSpecialCode");

    /** Adverse-factor codes, index-aligned with {@link #NAMES}. */
    public static final List<String> CODES = List.of(
            "F_REVOLVING_UTILIZATION", "F_AGE", "F_PAST_DUE_30_59", "F_DEBT_RATIO", "F_MONTHLY_INCOME",
            "F_OPEN_CREDIT_LINES", "F_PAST_DUE_90_PLUS", "F_REAL_ESTATE_LOANS", "F_PAST_DUE_60_89", "F_DEPENDENTS",
            "F_PAST_DUE_SPECIAL_CODE");

    public static final int COUNT = NAMES.size();

    /** GMSC past-due counts of 96 and above are codes (96, 98), not counts of late payments. */
    static final int PAST_DUE_SENTINEL = 96;

    private CreditFeatures() {
    }

    /**
     * Past-due sentinels become a separate indicator and the counts become missing (NaN): treating 98 as
     * "98 late payments" would let the trees split on a meaningless magnitude.
     */
    public static float[] of(CreditBureauReport r) {
        boolean sentinel = r.pastDue30To59Days() >= PAST_DUE_SENTINEL || r.pastDue60To89Days() >= PAST_DUE_SENTINEL
                || r.pastDue90DaysOrMore() >= PAST_DUE_SENTINEL;
        return new float[] {
                (float) r.revolvingUtilization(),
                r.age(),
                pastDue(r.pastDue30To59Days(), sentinel),
                (float) r.debtRatio(),
                r.monthlyIncome() == null ? Float.NaN : r.monthlyIncome().floatValue(),
                r.openCreditLinesAndLoans(),
                pastDue(r.pastDue90DaysOrMore(), sentinel),
                r.realEstateLoans(),
                pastDue(r.pastDue60To89Days(), sentinel),
                r.dependents() == null ? Float.NaN : r.dependents().floatValue(),
                sentinel ? 1f : 0f};
    }

    private static float pastDue(int count, boolean sentinel) {
        return sentinel ? Float.NaN : count;
    }
}
