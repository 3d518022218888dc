package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the "Give Me Some Credit" gzip CSV into bureau reports, so training sees exactly what scoring sees. */
public final class GmscData {

    static final String HEADER = ",SeriousDlqin2yrs,RevolvingUtilizationOfUnsecuredLines,age,"
            + "NumberOfTime30-59DaysPastDueNotWorse,DebtRatio,MonthlyIncome,NumberOfOpenCreditLinesAndLoans,"
            + "NumberOfTimes90DaysLate,NumberRealEstateLoansOrLines,NumberOfTime60-89DaysPastDueNotWorse,"
            + "NumberOfDependents";

    /** One borrower: the report fields the model uses, and whether they went 90+ days past due (1) or not (0). */
    public record LabeledReport(CreditBureauReport report, int defaulted) {
    }

    private GmscData() {
    }

    public static List<LabeledReport> readGzip(InputStream gzip) throws IOException {
        List<LabeledReport> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.replace("\"", "").equals(HEADER)) {
                throw new IOException("unexpected GMSC header: " + header);
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(parse(line.split(",", -1)));
                }
            }
        }
        return rows;
    }

    static LabeledReport parse(String[] c) {
        // Columns not in GMSC (applications, loans, court, thin file) stay neutral: the model never reads them.
        CreditBureauReport report = new CreditBureauReport(0, 0, 0, 0, false, false,
                Double.parseDouble(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]), Double.parseDouble(c[5]),
                optionalDouble(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]), Integer.parseInt(c[9]),
                Integer.parseInt(c[10]), optionalDouble(c[11]) == null ? null : (int) Double.parseDouble(c[11]));
        return new LabeledReport(report, Integer.parseInt(c[1]));
    }

    private static Double optionalDouble(String value) {
        return value.isEmpty() || value.equals("NA") ? null : Double.valueOf(value);
    }
}
