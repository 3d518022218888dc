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

    /** Taiwan format with SEX and MARRIAGE (ignored): two punctual card holders, two months behind (the defaulters). */
    private static final String TAIWAN_CSV = """
            ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default.payment.next.month
            1,500000,2,1,2,45,-1,-1,-1,-1,-1,-1,3000,2500,2000,4000,1000,3500,2500,2000,4000,1000,3500,1200,0
            2,360000,1,1,1,52,-1,-1,0,0,-1,-1,8000,9000,7000,6500,3000,2000,9000,7000,2000,3000,2000,1500,0
            3,20000,2,2,1,24,3,2,2,2,2,2,19500,19000,18500,18000,17500,17000,0,0,0,0,0,0,1
            4,30000,1,3,2,29,2,2,3,2,2,2,29000,28500,28000,27000,26000,25000,0,500,0,0,0,0,1
            """;

    @Test
    void evaluatesATaiwanFileWithTheTaiwanModel() throws IOException {
        Path csv = dir.resolve("taiwan.csv");
        Files.writeString(csv, TAIWAN_CSV);
        String[] lines = run("evaluate", "--model", "taiwan", "--data", csv.toString());
        assertThat(lines[0]).startsWith("model=taiwan-xgb-v1 data=taiwan.csv sha256=");
        assertThat(lines[lines.length - 1]).isEqualTo("AUC=1.0000 KS=1.0000 n=4");
    }

    @Test
    void refusesATaiwanFileWithoutItsLabel() throws IOException {
        Path csv = dir.resolve("taiwan-nolabel.csv");
        Files.writeString(csv, TAIWAN_CSV.replace(",default.payment.next.month", ""));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DecisionsCli.run(new String[] {"evaluate", "--model", "taiwan", "--data", csv.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString()).contains("default.payment.next.month");
    }

    @Test
    void trainsATaiwanModelIntoTheGivenFolder() throws IOException {
        StringBuilder csv = new StringBuilder(TAIWAN_CSV.strip().split("\n")[0]).append('\n');
        String[] rows = TAIWAN_CSV.strip().split("\n");
        for (int copy = 0; copy < 100; copy++) { // enough rows for both splits; ids don't matter
            for (int i = 1; i < rows.length; i++) {
                csv.append(rows[i]).append('\n');
            }
        }
        Path data = dir.resolve("taiwan-train.csv");
        Files.writeString(data, csv);
        Path out = dir.resolve("models");
        String[] lines = run("train", "--model", "taiwan", "--data", data.toString(), "--out", out.toString());
        assertThat(lines[lines.length - 1]).startsWith("wrote ");
        assertThat(out.resolve("default-probability-taiwan-v1.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("TAIWAN_MODEL_CARD.md"))).contains("# Model card: taiwan-xgb-v1")
                .contains("| AUC | 1.0000 |").contains("without monotone constraints");
    }

    @Test
    void checkDecidesTheCleanApplicantThroughTheWholeEngineAndNamesEveryVersion() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DecisionsCli.run(new String[] {"check"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        // check's applicant is 张三's report (docs/adr/0011: PD 0.0096, APPROVE, tier A), decided by today's rules
        // (hard-rules-3.0), tables (risk-route 5.0) and model (gmsc-xgb-v2): one line, all of it
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).containsExactly(
                "outcome=APPROVE tier=A pd=0.0096 rules=hard-rules-3.0"
                        + " tables=risk-route-5.0+credit-terms-1.0+limit-increase-1.0+pricing-2"
                        + " model=gmsc-xgb-v2+reasons-2");
    }

    @Test
    void checkTakesNoArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DecisionsCli.run(new String[] {"check", "--data", "x.csv"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage: check |");
    }

    @Test
    void rejectsBadArgumentsWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DecisionsCli.run(new String[] {"evaluate"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err))).isEqualTo(2);
        assertThat(DecisionsCli.run(new String[] {"evaluate", "--data", "x.csv", "--model", "german"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(DecisionsCli.run(new String[] {"train", "--split", "validation"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage:").contains("no model 'german'").contains("unknown option --split");
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
