package com.loanflow.risk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionsCliTest {

    /** GMSC header and rows: two clean borrowers, two with late payments and maxed-out credit (the defaulters). */
    private static final String CSV = """
            "",SeriousDlqin2yrs,RevolvingUtilizationOfUnsecuredLines,age,NumberOfTime30-59DaysPastDueNotWorse,DebtRatio,MonthlyIncome,NumberOfOpenCreditLinesAndLoans,NumberOfTimes90DaysLate,NumberRealEstateLoansOrLines,NumberOfTime60-89DaysPastDueNotWorse,NumberOfDependents
            1,0,0.05,55,0,0.2,9000,8,0,1,0,0
            2,0,0.10,48,0,0.3,NA,7,0,1,0,NA
            3,1,1.10,29,3,0.9,1500,3,2,0,2,3
            4,1,0.98,33,98,0.5,2500,2,98,0,98,1
            """;

    @TempDir
    Path dir;

    @Test
    void evaluatesAPlainCsvAndPrintsTheMetricsLast() throws IOException {
        Path csv = dir.resolve("sample.csv");
        Files.writeString(csv, CSV);
        String[] lines = run("evaluate", "--data", csv.toString());
        assertThat(lines[lines.length - 1]).isEqualTo("AUC=1.0000 KS=1.0000 n=4");
    }

    @Test
    void evaluatesAGzipFileWithoutTheIndexColumnAndInAnotherColumnOrder() throws IOException {
        String[] rows = CSV.strip().split("\n");
        StringBuilder reordered = new StringBuilder();
        for (String row : rows) { // drop the index column, move the label to the end
            String[] c = row.split(",", -1);
            reordered.append(String.join(",", java.util.Arrays.copyOfRange(c, 2, c.length))).append(',').append(c[1])
                    .append('\n');
        }
        Path gz = dir.resolve("sample.data"); // recognised by content, not by name
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(reordered.toString().getBytes(StandardCharsets.UTF_8));
        }
        String[] lines = run("evaluate", "--data", gz.toString());
        assertThat(lines[lines.length - 1]).isEqualTo("AUC=1.0000 KS=1.0000 n=4");
    }

    @Test
    void rejectsBadArgumentsWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DecisionsCli.run(new String[] {"evaluate"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err))).isEqualTo(2);
        assertThat(DecisionsCli.run(new String[] {"evaluate", "--data", "x.csv", "--model", "taiwan"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage:");
    }

    @Test
    void failsCleanlyOnAFileWithoutTheLabel() throws IOException {
        Path csv = dir.resolve("nolabel.csv");
        Files.writeString(csv, "age,DebtRatio\n30,0.1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DecisionsCli.run(new String[] {"evaluate", "--data", csv.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString()).contains("SeriousDlqin2yrs");
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DecisionsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).strip().split("\n");
    }
}
