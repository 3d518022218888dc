package com.loanflow.risk.model;

import com.loanflow.risk.model.GmscData.LabeledReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Java scorer against xgboost4j, the reference it replaces per decision (ADR 0016). */
class TreeEnsembleTest {

    /**
     * A stump on feature 0 (threshold 0.5, missing goes right) with leaves +1.0 (cover 30) and -1.0 (cover 10), and
     * a second tree that splits feature 1 twice on one path; base score 0.5, i.e. base margin 0.
     */
    private static final String HAND_MADE = """
            {"learner": {
              "attributes": {},
              "gradient_booster": {"name": "gbtree", "model": {
                "gbtree_model_param": {"num_parallel_tree": "1", "num_trees": "2"},
                "trees": [
                  {"id": 0, "tree_param": {"num_nodes": "3", "size_leaf_vector": "1"},
                   "left_children": [1, -1, -1], "right_children": [2, -1, -1], "split_indices": [0, 0, 0],
                   "split_conditions": [0.5, 1.0, -1.0], "default_left": [0, 0, 0], "split_type": [0, 0, 0],
                   "sum_hessian": [40.0, 30.0, 10.0]},
                  {"id": 1, "tree_param": {"num_nodes": "5", "size_leaf_vector": "1"},
                   "left_children": [1, 3, -1, -1, -1], "right_children": [2, 4, -1, -1, -1],
                   "split_indices": [1, 1, 0, 0, 0], "split_conditions": [10.0, 5.0, 0.25, 0.5, -0.5],
                   "default_left": [1, 0, 0, 0, 0], "split_type": [0, 0, 0, 0, 0],
                   "sum_hessian": [100.0, 60.0, 40.0, 20.0, 40.0]}
                ]}},
              "learner_model_param": {"base_score": "5E-1", "num_feature": "2", "num_target": "1"},
              "objective": {"name": "binary:logistic"}
            }}
            """;

    @Test
    void explainsAHandMadeModelByTheShapleyDefinition() {
        TreeEnsemble model = TreeEnsemble.read(HAND_MADE.getBytes(StandardCharsets.UTF_8));
        // tree 0: mean (30 - 10) / 40 = 0.5; a row left of 0.5 gets +1.0, i.e. 0.5 above the mean, all from feature 0
        // tree 1: only feature 1 matters; mean (20 * 0.5 + 40 * -0.5 + 40 * 0.25) / 100 = 0; x1 = 3 ends at +0.5
        float[] contributions = model.contributions(new float[] {0.2f, 3f});
        assertThat(contributions[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(contributions[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(contributions[2]).isCloseTo(0.5f, within(1e-6f)); // bias: base margin 0 + means 0.5 + 0
        assertThat(model.margin(new float[] {0.2f, 3f})).isCloseTo(1.5f, within(1e-6f));
        // missing x1 follows tree 1's default (left, then right at 5.0): leaf -0.5, below the mean by 0.5
        float[] missing = model.contributions(new float[] {0.9f, Float.NaN});
        assertThat(missing[0]).isCloseTo(-1.5f, within(1e-6f)); // -1.0 is 1.5 below tree 0's mean
        assertThat(missing[1]).isCloseTo(-0.5f, within(1e-6f));
        assertThat(model.explain(new float[] {0.9f, Float.NaN}).probability())
                .isCloseTo((float) (1 / (1 + Math.exp(1.5))), within(1e-7f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default-probability-v2.json", "default-probability-v1.json",
            "default-probability-taiwan-v1.json"})
    void agreesWithXgboost4jOnProbeRowsOfEveryBundledModel(String file) throws IOException {
        byte[] bytes = resource(file);
        TreeEnsemble inJava = TreeEnsemble.read(bytes);
        BoosterPool xgboost = BoosterPool.load(bytes);
        int rows = 2_000;
        int columns = inJava.featureCount();
        float[] probes = ScoringAgreement.probeRows(inJava, rows);
        float[] pd = xgboost.predict(probes, rows, columns);
        float[][] contributions = xgboost.contributions(probes, rows, columns);
        assertThat(inJava.tabledTreeCount()).isEqualTo(inJava.treeCount());
        for (int r = 0; r < rows; r++) {
            float[] row = Arrays.copyOfRange(probes, r * columns, (r + 1) * columns);
            TreeEnsemble.Explained explained = inJava.explain(row);
            assertThat(explained.probability()).as("PD of probe %d", r).isCloseTo(pd[r], within(2e-6f));
            assertThat(inJava.probability(row)).isCloseTo(pd[r], within(2e-6f));
            float[] byRecursion = inJava.contributionsByRecursion(row);
            for (int c = 0; c <= columns; c++) {
                assertThat(explained.contributions()[c]).as("contribution %d of probe %d", c, r)
                        .isCloseTo(contributions[r][c], within(2e-5f));
                assertThat(byRecursion[c]).isCloseTo(contributions[r][c], within(2e-5f));
            }
            float sum = 0;
            for (float value : explained.contributions()) {
                sum += value;
            }
            assertThat(sum).isCloseTo(inJava.margin(row), within(1e-4f));
        }
    }

    /**
     * Depth-8 trees on 12 features: paths with more than six distinct features are explained by the recursive
     * fallback inside {@code explain}, the rest from tables; both must match predictContrib.
     */
    @Test
    void explainsDeepTreesThroughTheRecursiveFallbackAsXgboostDoes() throws Exception {
        int rows = 3_000;
        int columns = 12;
        java.util.Random random = new java.util.Random(7);
        float[] values = new float[rows * columns];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            double signal = 0;
            for (int c = 0; c < columns; c++) {
                float x = random.nextInt(5) == 0 ? Float.NaN : (float) random.nextGaussian();
                values[r * columns + c] = x;
                signal += Float.isNaN(x) ? 0.3 : Math.sin(x * (c + 1)) * (c % 3 == 0 ? 1.5 : 0.5);
            }
            labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-signal)) ? 1f : 0f;
        }
        ml.dmlc.xgboost4j.java.DMatrix matrix = new ml.dmlc.xgboost4j.java.DMatrix(values, rows, columns, Float.NaN);
        matrix.setLabel(labels);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 8);
        params.put("min_child_weight", 1);
        params.put("eta", 0.3);
        params.put("seed", 1);
        params.put("nthread", 1);
        ml.dmlc.xgboost4j.java.Booster booster = ml.dmlc.xgboost4j.java.XGBoost.train(matrix, params, 30,
                java.util.Map.of(), null, null);
        TreeEnsemble inJava = TreeEnsemble.read(booster.toByteArray("json"));
        float[] pd = BoosterPool.column(booster.predict(matrix));
        float[][] contributions = booster.predictContrib(matrix, 0);

        assertThat(inJava.tabledTreeCount()).isGreaterThan(0).isLessThan(inJava.treeCount());
        for (int r = 0; r < rows; r += 3) {
            TreeEnsemble.Explained explained = inJava.explain(Arrays.copyOfRange(values, r * columns, (r + 1) * columns));
            assertThat(explained.probability()).isCloseTo(pd[r], within(2e-6f));
            for (int c = 0; c <= columns; c++) {
                assertThat(explained.contributions()[c]).as("contribution %d of row %d", c, r)
                        .isCloseTo(contributions[r][c], within(2e-5f));
            }
        }
        matrix.dispose();
        booster.dispose();
    }

    @Test
    void theLoadCheckCountsNanAsADisagreementAndInfiniteInputIsRefused() throws IOException {
        assertThat(ScoringAgreement.agrees(Float.NaN, 0.5f, 1e-5)).isFalse();
        assertThat(ScoringAgreement.agrees(0.5f, Float.NaN, 1e-5)).isFalse();
        assertThat(ScoringAgreement.agrees(0.5f, 0.500001f, 1e-5)).isTrue();
        TreeEnsemble model = TreeEnsemble.read(resource("default-probability-v2.json"));
        float[] row = new float[model.featureCount()];
        row[3] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> model.explain(row)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 3 is infinite");
        assertThatThrownBy(() -> TreeEnsemble.read(HAND_MADE.replace("\"sum_hessian\": [40.0, 30.0, 10.0]",
                "\"sum_hessian\": [0.0, 30.0, 10.0]").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("malformed");
    }

    @Test
    void givesTheSameReasonCodesAsXgboost4jOnTheValidationSplit() throws IOException {
        Path file = GmscFile.locate();
        assumeTrue(file != null, "shared/data/gmsc-dev.csv.gz not found");
        List<LabeledReport> validation = TrainDefaultModel.stratifiedSplit(GmscData.read(file)).get(1);
        byte[] bytes = resource("default-probability-v2.json");
        TreeEnsemble inJava = TreeEnsemble.read(bytes);
        BoosterPool xgboost = BoosterPool.load(bytes);
        int columns = inJava.featureCount();
        float[] values = new float[validation.size() * columns];
        for (int i = 0; i < validation.size(); i++) {
            System.arraycopy(CreditFeatures.of(validation.get(i).report()), 0, values, i * columns, columns);
        }
        float[] pd = xgboost.predict(values, validation.size(), columns);
        float[][] contributions = xgboost.contributions(values, validation.size(), columns);
        int sameCodes = 0;
        double worstPd = 0;
        double worstContribution = 0;
        for (int i = 0; i < validation.size(); i++) {
            TreeEnsemble.Explained explained =
                    inJava.explain(Arrays.copyOfRange(values, i * columns, (i + 1) * columns));
            worstPd = Math.max(worstPd, Math.abs(explained.probability() - pd[i]));
            for (int c = 0; c <= columns; c++) {
                worstContribution = Math.max(worstContribution,
                        Math.abs(explained.contributions()[c] - contributions[i][c]));
            }
            if (DefaultProbabilityModel.topPositive(explained.contributions())
                    .equals(DefaultProbabilityModel.topPositive(contributions[i]))) {
                sameCodes++;
            }
        }
        System.out.printf("Java vs xgboost4j on %d validation rows: max |PD diff| %.2e, max |contribution diff| "
                + "%.2e, same top-3 reason codes %d%n", validation.size(), worstPd, worstContribution, sameCodes);
        assertThat(worstPd).isLessThan(2e-6);
        assertThat(worstContribution).isLessThan(2e-5);
        // codes could only differ where two contributions tie to within float rounding
        assertThat(sameCodes).isGreaterThanOrEqualTo(validation.size() - 3);
    }

    @Test
    void refusesToServeAModelItReadsDifferentlyFromXgboost() throws IOException {
        byte[] original = resource("default-probability-v2.json");
        String json = new String(original, StandardCharsets.UTF_8);
        // flip the first tree's missing-value direction at its root: a misreading of the file, as seen from Java
        String misread = json.replaceFirst("\"default_left\":\\[0,", "\"default_left\":[1,");
        assertThat(misread).isNotEqualTo(json);
        TreeEnsemble inJava = TreeEnsemble.read(misread.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ScoringAgreement.check("gmsc-xgb-v2", inJava, BoosterPool.load(original)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disagrees with xgboost4j");
        ScoringAgreement.check("gmsc-xgb-v2", TreeEnsemble.read(original), BoosterPool.load(original));
    }

    @Test
    void refusesModelsItCannotScoreExactly() {
        assertThatThrownBy(() -> TreeEnsemble.read(HAND_MADE.replace("binary:logistic", "reg:squarederror")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("binary:logistic");
        assertThatThrownBy(() -> TreeEnsemble.read(HAND_MADE.replace("\"split_type\": [0, 0, 0]",
                "\"split_type\": [1, 0, 0]").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("categorical");
        assertThatThrownBy(() -> TreeEnsemble.read(HAND_MADE.getBytes(StandardCharsets.UTF_8))
                .contributions(new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = TreeEnsembleTest.class.getResourceAsStream("/com/loanflow/risk/model/" + file)) {
            return in.readAllBytes();
        }
    }
}
