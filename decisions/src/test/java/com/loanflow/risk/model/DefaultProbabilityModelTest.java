package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.model.GmscData.LabeledReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    private static final List<String> PAST_DUE_COUNT_CODES = List.of("F_PAST_DUE_30_59", "F_PAST_DUE_60_89",
            "F_PAST_DUE_90_PLUS", "F_PAST_DUE_TOTAL", "F_PAST_DUE_SEVERITY");

    @Test
    void aSentinelIsExplainedAsTheCodeNotAsLatePaymentsTheBureauNeverReported() {
        // 30-59 days reported as the code 96, no 60-89 or 90+ late payments: the model reads a high risk
        CreditBureauReport coded = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.10, 45, 96, 0.20, 9000.0, 8, 0, 1, 0, 0);
        DefaultProbabilityModel.Score score = MODEL.score(coded);
        assertThat(score.defaultProbability()).isGreaterThan(MODEL.score(CLEAN).defaultProbability());
        assertThat(score.adverseFactorCodes()).contains("F_PAST_DUE_SPECIAL_CODE")
                .doesNotContainAnyElementsOf(PAST_DUE_COUNT_CODES);
        CreditBureauReport allCoded = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.10, 45, 98, 0.20, 9000.0, 8, 98, 1, 98, 0);
        assertThat(MODEL.score(allCoded).adverseFactorCodes()).startsWith("F_PAST_DUE_SPECIAL_CODE")
                .doesNotContainAnyElementsOf(PAST_DUE_COUNT_CODES);
    }

    @Test
    void aMissingIncomeIsExplainedAsNotReportedNotAsTheIncomeColumns() {
        CreditBureauReport noIncome = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.10, 45, 0, 2500.0, null, 8, 0, 1, 0, 0);
        float[] features = CreditFeatures.of(noIncome);
        float[] raw = TreeEnsemble.read(modelBytes()).explain(features).contributions();
        float[] moved = DefaultProbabilityModel.attributeMissing(features, raw);
        int indicator = CreditFeatures.NAMES.indexOf("MonthlyIncomeMissing");
        float expected = raw[indicator];
        for (String name : List.of("MonthlyIncome", "MonthlyDebtPayment", "IncomePerHouseholdMember")) {
            int i = CreditFeatures.NAMES.indexOf(name);
            assertThat(moved[i]).as(name).isZero();
            expected += raw[i];
        }
        assertThat(moved[indicator]).isCloseTo(expected, within(1e-6f));
        assertThat(sum(moved)).as("SHAP values still sum to the score").isCloseTo(sum(raw), within(1e-4f));
        assertThat(MODEL.score(noIncome).adverseFactorCodes())
                .doesNotContain("F_MONTHLY_INCOME", "F_MONTHLY_DEBT_PAYMENT", "F_INCOME_PER_HOUSEHOLD_MEMBER");
        // a reported income keeps its own columns
        assertThat(DefaultProbabilityModel.attributeMissing(CreditFeatures.of(CLEAN), raw)).containsExactly(raw);
    }

    @Test
    void anOlderModelMovesWhatItsColumnsCanSayAndKeepsTheRest() {
        // gmsc-xgb-v1 reads the first 11 columns: the past-due code indicator (10) but no income indicator (13)
        float[] elevenColumns = java.util.Arrays.copyOf(CreditFeatures.of(new CreditBureauReport(0, 1, 2, 1, false,
                false, 0.10, 45, 96, 2500.0, null, 8, 0, 1, 0, 0)), 11);
        float[] contributions = new float[12];
        java.util.Arrays.fill(contributions, 0.2f);
        float[] moved = DefaultProbabilityModel.attributeMissing(elevenColumns, contributions);
        for (String count : List.of("NumberOfTime30-59DaysPastDueNotWorse", "NumberOfTimes90DaysLate",
                "NumberOfTime60-89DaysPastDueNotWorse")) {
            assertThat(moved[CreditFeatures.NAMES.indexOf(count)]).as(count).isZero();
        }
        assertThat(moved[CreditFeatures.NAMES.indexOf("PastDueSpecialCode")]).isCloseTo(0.8f, within(1e-6f));
        assertThat(moved[CreditFeatures.NAMES.indexOf("MonthlyIncome")]).as("no indicator to move it to")
                .isEqualTo(0.2f);
    }

    @Test
    void adverseFactorsAreTheLargestContributionsAboveTheThresholdAtMostThree() {
        // the last value is the bias, never a factor
        assertThat(DefaultProbabilityModel.topPositive(new float[] {-0.3f, -0.1f, -0.2f, 5f})).isEmpty();
        assertThat(DefaultProbabilityModel.topPositive(new float[] {0.5f, 0.009f, -0.2f, 0.02f, 0f}))
                .containsExactly("F_REVOLVING_UTILIZATION", "F_DEBT_RATIO");
        assertThat(DefaultProbabilityModel.topPositive(new float[] {0.1f, 0.4f, 0.3f, 0.2f, 0.5f, 0f}))
                .containsExactly("F_MONTHLY_INCOME", "F_AGE", "F_PAST_DUE_30_59");
        // ties: the earlier column first, so the same contributions always give the same codes
        assertThat(DefaultProbabilityModel.topPositive(new float[] {0.2f, 0.2f, 0.2f, 0.2f, 0f}))
                .containsExactly("F_REVOLVING_UTILIZATION", "F_AGE", "F_PAST_DUE_30_59");
        assertThat(DefaultProbabilityModel.topPositive(
                new float[] {DefaultProbabilityModel.MIN_ADVERSE_CONTRIBUTION, 0f}))
                .containsExactly("F_REVOLVING_UTILIZATION");
    }

    @Test
    void aCleanReportNamesNoFactorThatBarelyMovedTheScore() {
        float[] features = CreditFeatures.of(CLEAN);
        float[] contributions = TreeEnsemble.read(modelBytes()).explain(features).contributions();
        for (String code : MODEL.score(CLEAN).adverseFactorCodes()) {
            assertThat(contributions[CreditFeatures.CODES.indexOf(code)])
                    .isGreaterThanOrEqualTo(DefaultProbabilityModel.MIN_ADVERSE_CONTRIBUTION);
        }
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    private static byte[] modelBytes() {
        try (InputStream in = DefaultProbabilityModel.class.getResourceAsStream(DefaultProbabilityModel.RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void raisingAPastDueCountNeverLowersThePd() {
        List<CreditBureauReport> base = new ArrayList<>(randomReports(3000));
        Path data = GmscFile.locate();
        if (data != null) { // and real applicants, when the data set is beside the clone
            base.addAll(sampleOfFile(data, 2000));
        }
        assertMonotone(base, r -> r.pastDue30To59Days(), (r, v) -> with(r, v, r.pastDue60To89Days(), r.pastDue90DaysOrMore()));
        assertMonotone(base, r -> r.pastDue60To89Days(), (r, v) -> with(r, r.pastDue30To59Days(), v, r.pastDue90DaysOrMore()));
        assertMonotone(base, r -> r.pastDue90DaysOrMore(), (r, v) -> with(r, r.pastDue30To59Days(), r.pastDue60To89Days(), v));
    }

    /** For every report and each step 0..12 of one count: PD(count + 1) >= PD(count), batch-scored. */
    private static void assertMonotone(List<CreditBureauReport> base, ToIntFunction<CreditBureauReport> count,
                                       BiFunction<CreditBureauReport, Integer, CreditBureauReport> withCount) {
        int steps = 13;
        List<CreditBureauReport> ladder = new ArrayList<>();
        for (CreditBureauReport r : base) {
            for (int v = 0; v < steps; v++) {
                ladder.add(withCount.apply(r, v));
            }
        }
        float[] pd = MODEL.defaultProbabilities(ladder);
        int rises = 0;
        for (int i = 0; i < base.size(); i++) {
            for (int v = 1; v < steps; v++) {
                int k = i * steps + v;
                assertThat(pd[k]).as("row %d, count %d -> %d", i, v - 1, v).isGreaterThanOrEqualTo(pd[k - 1]);
                rises += pd[k] > pd[k - 1] ? 1 : 0;
            }
        }
        assertThat(rises).as("the count matters at all").isGreaterThan(base.size() / 10);
    }

    private static CreditBureauReport with(CreditBureauReport r, int pastDue30, int pastDue60, int pastDue90) {
        return new CreditBureauReport(r.applicationsLast7Days(), r.applicationsLast30Days(),
                r.applicationsLast90Days(), r.currentLoans(), r.courtEnforcement(), r.thinFile(),
                r.revolvingUtilization(), r.age(), pastDue30, r.debtRatio(), r.monthlyIncome(),
                r.openCreditLinesAndLoans(), pastDue90, r.realEstateLoans(), pastDue60, r.dependents());
    }

    /** Seeded, GMSC-like spread of reports (incomes and dependents sometimes missing). */
    private static List<CreditBureauReport> randomReports(int n) {
        Random random = new Random(11);
        List<CreditBureauReport> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reports.add(new CreditBureauReport(0, 0, 0, 0, false, false,
                    random.nextDouble() * 1.3, 21 + random.nextInt(60), random.nextInt(4), random.nextDouble() * 2,
                    random.nextInt(8) == 0 ? null : 500.0 + random.nextInt(20000), random.nextInt(25),
                    random.nextInt(3), random.nextInt(4), random.nextInt(3),
                    random.nextInt(10) == 0 ? null : random.nextInt(5)));
        }
        return reports;
    }

    private static List<CreditBureauReport> sampleOfFile(Path data, int n) {
        try {
            List<LabeledReport> rows = GmscData.read(data);
            return IntStream.range(0, n).mapToObj(i -> rows.get(i * (rows.size() / n)).report())
                    .filter(r -> r.pastDue30To59Days() < CreditFeatures.PAST_DUE_SENTINEL).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void explainsWithinTheMappingsCodesAndNeverTwice() {
        for (CreditBureauReport r : randomReports(200)) {
            assertThat(MODEL.score(r).adverseFactorCodes()).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates()
                    .isSubsetOf(CreditFeatures.CODES);
        }
    }

    @Test
    void stillLoadsTheV1ModelByResourceAndScoresItThroughTheSameMapping() {
        DefaultProbabilityModel v1 = DefaultProbabilityModel.load("default-probability-v1.json");
        assertThat(v1.version()).isEqualTo("gmsc-xgb-v1");
        assertThat(DefaultProbabilityModel.load("/com/loanflow/risk/model/default-probability-v2.json").version())
                .isEqualTo(MODEL.version());
        double clean = v1.score(CLEAN).defaultProbability();
        assertThat(clean).isBetween(0.0, 0.05).isLessThan(v1.score(HIGH_RISK).defaultProbability());
        assertThat(v1.score(HIGH_RISK).adverseFactorCodes()).isSubsetOf(CreditFeatures.CODES.subList(0, 11));
        assertThatThrownBy(() -> DefaultProbabilityModel.load("no-such-model.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-model.json");
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
    void keepsItsAucAndCalibrationOnTheHeldOutValidationSplit() throws Exception {
        Path data = GmscFile.locate();
        assumeTrue(data != null, "gmsc-dev.csv.gz not found beside the repository (shared/data)");
        List<LabeledReport> validation = ModelEvaluation.select(GmscData.read(data), ModelEvaluation.Split.VALIDATION);
        float[] pd = MODEL.defaultProbabilities(validation.stream().map(LabeledReport::report).toList());
        int[] labels = TrainDefaultModel.labels(validation);
        assertThat(validation).hasSize(24000);
        // The card's figure is 0.8627; the 0.865 target was not reached without tuning on these rows (ADR 0011).
        assertThat(Auc.of(pd, labels)).isGreaterThanOrEqualTo(0.862);
        for (double[] decile : ModelCardWriter.deciles(pd, labels)) { // mean PD vs observed rate, within 5 points
            assertThat(decile[1]).isCloseTo(decile[0], within(0.05));
        }
    }

    @Test
    void taiwanModelReachesItsTargetAucOnItsHeldOutSplit() throws Exception {
        Path data = GmscFile.locateTaiwan();
        assumeTrue(data != null, "taiwan-dev.csv.gz not found beside the repository (shared/data)");
        List<TaiwanData.LabeledCardHolder> validation = ModelEvaluation.select(TaiwanData.read(data),
                ModelEvaluation.Split.VALIDATION, TaiwanData.LabeledCardHolder::defaulted);
        TaiwanDefaultModel taiwan = TaiwanDefaultModel.loadDefault();
        ModelEvaluation.Result result = ModelEvaluation.evaluate(taiwan, validation);
        assertThat(taiwan.version()).isEqualTo("taiwan-xgb-v1");
        assertThat(result.n()).isEqualTo(4800);
        assertThat(result.auc()).isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void knowsItsVersion() {
        assertThat(MODEL.version()).isEqualTo("gmsc-xgb-v2");
    }
}
