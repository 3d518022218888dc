package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Any GMSC-style file, plain {@code .csv} or gzip (recognised by its magic bytes, not its name). Columns are
     * found by header name, so the leading index column may be missing and the order may differ; the label column
     * {@code SeriousDlqin2yrs} and the ten feature columns must be there.
     */
    public static List<LabeledReport> read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
            return readCsv(in, file.toString());
        }
    }

    private static List<LabeledReport> readCsv(InputStream csv, String name) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = in.readLine();
        if (header == null) {
            throw new IOException(name + " is empty");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = Arrays.stream(header.split(",", -1)).map(h -> h.replace("\"", "").trim()).toList();
        List<String> expected = Arrays.asList(HEADER.split(",", -1));
        int[] columnOf = new int[expected.size()]; // position in the file of each canonical column (0 = index)
        for (int k = 1; k < expected.size(); k++) {
            columnOf[k] = names.indexOf(expected.get(k));
            if (columnOf[k] < 0) {
                throw new IOException(name + " has no column " + expected.get(k) + " (header: " + header + ")");
            }
        }
        List<LabeledReport> rows = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String[] canonical = new String[expected.size()];
            canonical[0] = "";
            for (int k = 1; k < expected.size(); k++) {
                if (columnOf[k] >= cells.length) {
                    throw new IOException(name + " line " + lineNumber + ": too few columns");
                }
                canonical[k] = cells[columnOf[k]].replace("\"", "").trim();
            }
            try {
                rows.add(parse(canonical));
            } catch (NumberFormatException e) {
                throw new IOException(name + " line " + lineNumber + ": " + e.getMessage(), e);
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
