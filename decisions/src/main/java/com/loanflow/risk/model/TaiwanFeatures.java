package com.loanflow.risk.model;

import com.loanflow.risk.model.TaiwanData.CardHolder;

import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping from a Taiwan card holder to the Taiwan model's feature vector, shared by its training and its
 * evaluation. Sex and marital status are not in {@link CardHolder}, so they cannot be features.
 */
public final class TaiwanFeatures {

    /** Feature names in model column order: the data set's columns, then engineered ones. */
    public static final List<String> NAMES = names();

    /** +1 where more months late must never lower the PD (the engineered delay summaries), 0 elsewhere. */
    public static final List<Integer> MONOTONE = monotone();

    public static final int COUNT = NAMES.size();

    private TaiwanFeatures() {
    }

    /**
     * Repayment statuses stay raw (their -2/-1/0 codes are categories, not amounts: no monotone constraint on
     * them); the delay summaries count only real months late. A bill of zero or less has no paid share (NaN).
     */
    public static float[] of(CardHolder h) {
        int months = TaiwanData.MONTHS;
        float[] f = new float[COUNT];
        int k = 0;
        f[k++] = (float) h.creditLimit();
        f[k++] = h.education();
        f[k++] = h.age();
        for (int m = 0; m < months; m++) {
            f[k++] = h.repaymentStatus()[m];
        }
        for (int m = 0; m < months; m++) {
            f[k++] = (float) h.billAmounts()[m];
        }
        for (int m = 0; m < months; m++) {
            f[k++] = (float) h.paymentAmounts()[m];
        }
        int monthsLate = 0;
        int worstDelay = 0;
        for (int status : h.repaymentStatus()) {
            if (status > 0) {
                monthsLate++;
                worstDelay = Math.max(worstDelay, status);
            }
        }
        f[k++] = monthsLate;
        f[k++] = worstDelay;
        f[k++] = h.creditLimit() > 0 ? (float) (h.billAmounts()[0] / h.creditLimit()) : Float.NaN;
        // PAY_AMT1 (paid in September) settles the August statement (BILL_AMT2)
        f[k++] = h.billAmounts()[1] > 0 ? (float) (h.paymentAmounts()[0] / h.billAmounts()[1]) : Float.NaN;
        return f;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("LIMIT_BAL", "EDUCATION", "AGE", "PAY_0"));
        for (int m = 2; m <= TaiwanData.MONTHS; m++) {
            names.add("PAY_" + m);
        }
        for (int m = 1; m <= TaiwanData.MONTHS; m++) {
            names.add("BILL_AMT" + m);
        }
        for (int m = 1; m <= TaiwanData.MONTHS; m++) {
            names.add("PAY_AMT" + m);
        }
        names.addAll(List.of("MonthsLate", "WorstDelayMonths", "BillToLimit", "PaidShareOfPreviousBill"));
        return List.copyOf(names);
    }

    private static List<Integer> monotone() {
        List<Integer> constraints = new ArrayList<>();
        for (String name : names()) {
            constraints.add(name.equals("MonthsLate") || name.equals("WorstDelayMonths") ? 1 : 0);
        }
        return List.copyOf(constraints);
    }

    static String monotoneConstraints() {
        return "(" + String.join(",", MONOTONE.stream().map(String::valueOf).toList()) + ")";
    }
}
