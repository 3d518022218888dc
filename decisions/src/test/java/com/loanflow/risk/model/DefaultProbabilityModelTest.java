package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.model.GmscData.LabeledReport;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DefaultProbabilityModelTest {

    private static final DefaultProbabilityModel MODEL = DefaultProbabilityModel.loadDefault();

    private static final CreditBureauReport CLEAN = new CreditBureauReport(0, 1, 2, 1, false, false,
            0.10, 45, 0, 0.20, 9000.0, 8, 0, 1, 0, 0);
    private static final CreditBureauReport HIGH_RISK = new CreditBureauReport(0, 1, 2, 1, false, false,
            1.2, 28, 3, 0.95, 1500.0, 3, 2, 0, 2, 3);

    @Test
    void scoresAHighRiskReportAboveACleanOne() {
        double clean = MODEL.score(CLEAN).defaultProbability();
        double risky = MODEL.score(HIGH_RISK).defaultProbability();
        assertThat(clean).isBetween(0.0, 0.05);
        assertThat(risky).isGreaterThan(0.30).isGreaterThan(clean);
    }

    @Test
    void explainsAHighScoreWithThreeDistinctFactorsOfTheReport() {
        List<String> factors = MODEL.score(HIGH_RISK).adverseFactorCodes();
        assertThat(factors).hasSize(3).doesNotHaveDuplicates().isSubsetOf(CreditFeatures.CODES)
                .contains("F_REVOLVING_UTILIZATION");
    }

    @Test
    void treatsMissingIncomeAndDependentsAsMissingNotZero() {
        CreditBureauReport unknown = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.10, 45, 0, 0.20, null, 8, 0, 1, 0, null);
        float[] features = CreditFeatures.of(unknown);
        assertThat(features[4]).isNaN();
        assertThat(features[9]).isNaN();
        assertThat(MODEL.score(unknown).defaultProbability()).isBetween(0.0, 1.0);
    }

    @Test
    void turnsPastDueSentinelCodesIntoAnIndicator() {
        CreditBureauReport sentinel = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.10, 45, 98, 0.20, 9000.0, 8, 98, 1, 98, 0);
        float[] features = CreditFeatures.of(sentinel);
        assertThat(features[2]).isNaN();
        assertThat(features[6]).isNaN();
        assertThat(features[8]).isNaN();
        assertThat(features[10]).isEqualTo(1f);
        assertThat(CreditFeatures.of(CLEAN)[10]).isZero();
        assertThat(MODEL.score(sentinel).defaultProbability()).isGreaterThan(MODEL.score(CLEAN).defaultProbability());
    }

    @Test
    void shippedModelKeepsItsAucOnASampleOfTheTrainingFile() throws Exception {
        Path data = GmscFile.locate();
        assumeTrue(data != null, "gmsc-dev.csv.gz not found beside the repository (shared/data)");
        List<LabeledReport> rows;
        try (InputStream in = Files.newInputStream(data)) {
            rows = GmscData.readGzip(in);
        }
        List<LabeledReport> sample = IntStream.range(0, rows.size()).filter(i -> i % 5 == 0) // deterministic 20%
                .mapToObj(rows::get).toList();
        float[] scores = MODEL.defaultProbabilities(sample.stream().map(LabeledReport::report).toList());
        int[] labels = sample.stream().mapToInt(LabeledReport::defaulted).toArray();
        for (int i = 0; i < 200; i++) { // the batch path agrees with the one-applicant path the engine uses
            assertThat(MODEL.score(sample.get(i).report()).defaultProbability()).isCloseTo(scores[i], within(1e-6));
        }
        assertThat(Auc.of(scores, labels)).isGreaterThan(0.80);
    }

    @Test
    void knowsItsVersion() {
        assertThat(MODEL.version()).isEqualTo("gmsc-xgb-v1");
    }
}
