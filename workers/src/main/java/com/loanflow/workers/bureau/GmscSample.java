package com.loanflow.workers.bureau;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of real bureau data: every 60th row of ../shared/data/gmsc-dev.csv.gz (2,000 rows), without the label and
 * age columns. Past-due counts 96/98 are the data set's own sentinel codes and are served as they are.
 */
final class GmscSample {

    static final String RESOURCE = "sandbox/bureau/gmsc-sample.csv";

    record Row(double revolvingUtilization, int pastDue30To59Days, double debtRatio, Double monthlyIncome,
               int openCreditLinesAndLoans, int pastDue90DaysOrMore, int realEstateLoans, int pastDue60To89Days,
               Integer dependents) {
    }

    private GmscSample() {
    }

    static List<Row> load() {
        try (InputStream in = GmscSample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(parse(line.split(",", -1)));
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // columns: gmscRowId, utilization, 30-59, debtRatio, income, lines, 90+, realEstate, 60-89, dependents
    private static Row parse(String[] c) {
        return new Row(Double.parseDouble(c[1]), Integer.parseInt(c[2]), Double.parseDouble(c[3]),
                "NA".equals(c[4]) ? null : Double.valueOf(c[4]), Integer.parseInt(c[5]), Integer.parseInt(c[6]),
                Integer.parseInt(c[7]), Integer.parseInt(c[8]), "NA".equals(c[9]) ? null : Integer.valueOf(c[9]));
    }
}
