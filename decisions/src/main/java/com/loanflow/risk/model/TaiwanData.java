package com.loanflow.risk.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the "default of credit card clients" (Taiwan, UCI) csv: one card holder's file and whether they defaulted
 * the next month. The SEX and MARRIAGE columns are never read, so no model can learn from them.
 */
public final class TaiwanData {

    static final String LABEL = "default.payment.next.month";
    static final int MONTHS = 6;

    /**
     * One card holder, amounts in NT dollars. {@code repaymentStatus[0]} is the latest month (PAY_0, September 2005)
     * back to {@code [5]} (PAY_6, April): -2 no consumption, -1 paid in full, 0 revolving credit, 1..9 months late.
     * Bills and payments run the same way (BILL_AMT1/PAY_AMT1 = September).
     */
    public record CardHolder(double creditLimit, int education, int age, int[] repaymentStatus, double[] billAmounts,
                             double[] paymentAmounts) {
    }

    /** A card holder and whether they defaulted on next month's payment (1) or not (0). */
    public record LabeledCardHolder(CardHolder holder, int defaulted) {
    }

    private TaiwanData() {
    }

    /** Column names read, in the order {@link #parse} expects them. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(LABEL, "LIMIT_BAL", "EDUCATION", "AGE", "PAY_0"));
        for (int m = 2; m <= MONTHS; m++) {
            columns.add("PAY_" + m);
        }
        for (int m = 1; m <= MONTHS; m++) {
            columns.add("BILL_AMT" + m);
        }
        for (int m = 1; m <= MONTHS; m++) {
            columns.add("PAY_AMT" + m);
        }
        return columns;
    }

    /** Any Taiwan-format file, plain or gzip, columns found by header name (ID, SEX and MARRIAGE ignored). */
    public static List<LabeledCardHolder> read(Path file) throws IOException {
        List<LabeledCardHolder> rows = new ArrayList<>();
        int line = 1;
        for (String[] cells : CsvFile.read(file, columns())) {
            line++;
            try {
                rows.add(parse(cells));
            } catch (NumberFormatException e) {
                throw new IOException(file + " row " + line + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    static LabeledCardHolder parse(String[] c) {
        int[] status = new int[MONTHS];
        double[] bills = new double[MONTHS];
        double[] payments = new double[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            status[m] = Integer.parseInt(c[4 + m]);
            bills[m] = Double.parseDouble(c[4 + MONTHS + m]);
            payments[m] = Double.parseDouble(c[4 + 2 * MONTHS + m]);
        }
        CardHolder holder = new CardHolder(Double.parseDouble(c[1]), Integer.parseInt(c[2]), Integer.parseInt(c[3]),
                status, bills, payments);
        return new LabeledCardHolder(holder, Integer.parseInt(c[0]));
    }
}
