package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.model.GmscData.LabeledReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One GMSC row into a bureau report: NA income and dependents stay missing (null), "3.0" dependents is 3. */
class GmscDataTest {

    /** GMSC's own header, quoted index column first. */
    private static final String HEADER = "\"\",SeriousDlqin2yrs,RevolvingUtilizationOfUnsecuredLines,age,"
            + "NumberOfTime30-59DaysPastDueNotWorse,DebtRatio,MonthlyIncome,NumberOfOpenCreditLinesAndLoans,"
            + "NumberOfTimes90DaysLate,NumberRealEstateLoansOrLines,NumberOfTime60-89DaysPastDueNotWorse,"
            + "NumberOfDependents";

    @TempDir
    Path dir;

    @Test
    void parsesARowWithMissingIncomeAndDependentsAsNull() {
        LabeledReport row = GmscData.parse("7,1,0.766,45,2,802.0,NA,13,0,6,0,NA".split(",", -1));
        CreditBureauReport r = row.report();
        assertThat(row.defaulted()).isEqualTo(1);
        assertThat(r.monthlyIncome()).isNull();
        assertThat(r.dependents()).isNull();
        assertThat(r.revolvingUtilization()).isEqualTo(0.766);
        assertThat(r.age()).isEqualTo(45);
        assertThat(r.pastDue30To59Days()).isEqualTo(2);
        assertThat(r.debtRatio()).isEqualTo(802.0); // NA income: GMSC puts a debt amount here
        assertThat(r.openCreditLinesAndLoans()).isEqualTo(13);
        assertThat(r.pastDue90DaysOrMore()).isZero();
        assertThat(r.realEstateLoans()).isEqualTo(6);
        assertThat(r.pastDue60To89Days()).isZero();
        // columns GMSC does not have stay neutral
        assertThat(r.applicationsLast90Days()).isZero();
        assertThat(r.courtEnforcement()).isFalse();
        assertThat(r.thinFile()).isFalse();
    }

    @Test
    void parsesADecimalDependentsCountAsAWholeNumber() {
        CreditBureauReport r = GmscData.parse("8,0,0.1,36,0,0.25,9120,6,0,1,0,3.0".split(",", -1)).report();
        assertThat(r.dependents()).isEqualTo(3);
        assertThat(r.monthlyIncome()).isEqualTo(9120.0);
    }

    @Test
    void readsNaAnEmptyCellAndDecimalDependentsFromAPlainAndAGzipFile() throws IOException {
        String csv = HEADER + "\n"
                + "1,1,0.766,45,2,802.0,NA,13,0,6,0,NA\n"
                + "2,0,0.1,36,0,0.25,,6,0,1,0,3.0\n"
                + "3,0,0.2,40,0,0.3,5000,4,1,0,0,0\n";
        Path plain = dir.resolve("gmsc.csv");
        Files.writeString(plain, csv);
        Path gzip = dir.resolve("gmsc.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : List.of(plain, gzip)) {
            List<LabeledReport> rows = GmscData.read(file);
            assertThat(rows).as("%s", file.getFileName()).extracting(LabeledReport::defaulted)
                    .containsExactly(1, 0, 0);
            assertThat(rows.get(0).report().monthlyIncome()).isNull();
            assertThat(rows.get(0).report().dependents()).isNull();
            assertThat(rows.get(1).report().monthlyIncome()).as("empty cell").isNull();
            assertThat(rows.get(1).report().dependents()).isEqualTo(3);
            assertThat(rows.get(2).report().monthlyIncome()).isEqualTo(5000.0);
            assertThat(rows.get(2).report().dependents()).isZero();
            assertThat(rows.get(2).report().pastDue90DaysOrMore()).isEqualTo(1);
        }
    }
}
