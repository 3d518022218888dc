package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;

import java.util.List;

/**
 * The one mapping from a bureau report to the model's feature vector, shared by training and scoring so the two
 * cannot drift apart. Order matters: it is the column order of the shipped model. The first eleven columns are
 * exactly the v1 model's, so a v1 file still scores through this mapping (it reads a prefix of the vector).
 */
public final class CreditFeatures {

    /** Feature names in model column order (GMSC column names, the sentinel indicator, then engineered ones). */
    public static final List<String> NAMES = List.of(
            "RevolvingUtilizationOfUnsecuredLines", "age", "NumberOfTime30-59DaysPastDueNotWorse", "DebtRatio",
            "MonthlyIncome", "NumberOfOpenCreditLinesAndLoans", "NumberOfTimes90DaysLate",
            "NumberRealEstateLoansOrLines", "NumberOfTime60-89DaysPastDueNotWorse", "NumberOfDependents",
            "PastDueSpecialCode",
            // engineered (v2)
            "PastDueTotal", "PastDueWeighted", "MonthlyIncomeMissing", "MonthlyDebtPayment",
            "IncomePerHouseholdMember", "OtherCreditLines");

    /** Adverse-factor codes, index-aligned with {@link #NAMES}; one code per feature. */
    public static final List<String> CODES = List.of(
            "F_REVOLVING_UTILIZATION", "F_AGE", "F_PAST_DUE_30_59", "F_DEBT_RATIO", "F_MONTHLY_INCOME",
            "F_OPEN_CREDIT_LINES", "F_PAST_DUE_90_PLUS", "F_REAL_ESTATE_LOANS", "F_PAST_DUE_60_89", "F_DEPENDENTS",
            "F_PAST_DUE_SPECIAL_CODE",
            "F_PAST_DUE_TOTAL", "F_PAST_DUE_SEVERITY", "F_MONTHLY_INCOME_MISSING", "F_MONTHLY_DEBT_PAYMENT",
            "F_INCOME_PER_HOUSEHOLD_MEMBER", "F_OTHER_CREDIT_LINES");

    /**
     * XGBoost monotone constraints, index-aligned with {@link #NAMES}: +1 where more late payments must never
     * lower the PD (the three past-due counts and both sums of them), 0 (free) elsewhere.
     */
    public static final List<Integer> MONOTONE = List.of(
            0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0,
            1, 1, 0, 0, 0, 0);

    public static final int COUNT = NAMES.size();

    /** GMSC past-due counts of 96 and above are codes (96, 98), not counts of late payments. */
    static final int PAST_DUE_SENTINEL = 96;

    private CreditFeatures() {
    }

    /**
     * Past-due sentinels become a separate indicator and the counts (and their sums) become missing (NaN): treating
     * 98 as "98 late payments" would let the trees split on a meaningless magnitude. A missing income leaves the
     * income-based features missing too; in GMSC such rows carry a debt amount, not a ratio, in DebtRatio, which is
     * why the missing-income indicator is a feature of its own.
     */
    public static float[] of(CreditBureauReport r) {
        boolean sentinel = r.pastDue30To59Days() >= PAST_DUE_SENTINEL || r.pastDue60To89Days() >= PAST_DUE_SENTINEL
                || r.pastDue90DaysOrMore() >= PAST_DUE_SENTINEL;
        Double income = r.monthlyIncome();
        return new float[] {
                (float) r.revolvingUtilization(),
                r.age(),
                pastDue(r.pastDue30To59Days(), sentinel),
                (float) r.debtRatio(),
                income == null ? Float.NaN : income.floatValue(),
                r.openCreditLinesAndLoans(),
                pastDue(r.pastDue90DaysOrMore(), sentinel),
                r.realEstateLoans(),
                pastDue(r.pastDue60To89Days(), sentinel),
                r.dependents() == null ? Float.NaN : r.dependents().floatValue(),
                sentinel ? 1f : 0f,
                pastDue(r.pastDue30To59Days() + r.pastDue60To89Days() + r.pastDue90DaysOrMore(), sentinel),
                pastDue(r.pastDue30To59Days() + 2 * r.pastDue60To89Days() + 3 * r.pastDue90DaysOrMore(), sentinel),
                income == null ? 1f : 0f,
                income == null ? Float.NaN : (float) (r.debtRatio() * income),
                income == null ? Float.NaN : (float) (income / (1 + householdDependents(r))),
                r.openCreditLinesAndLoans() - r.realEstateLoans()};
    }

    private static float pastDue(int count, boolean sentinel) {
        return sentinel ? Float.NaN : count;
    }

    /** Unknown dependents count as none for the per-member income: the applicant alone is the household. */
    private static int householdDependents(CreditBureauReport r) {
        return r.dependents() == null ? 0 : Math.max(0, r.dependents());
    }

    /** {@link #MONOTONE} as XGBoost's parameter string, e.g. {@code (0,0,1,...)}. */
    static String monotoneConstraints() {
        return "(" + String.join(",", MONOTONE.stream().map(String::valueOf).toList()) + ")";
    }
}
