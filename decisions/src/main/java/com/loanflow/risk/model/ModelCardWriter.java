package com.loanflow.risk.model;

import com.loanflow.risk.tables.RiskRouteTable;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Writes MODEL_CARD.md from what training measured, so the card's numbers cannot go stale by hand-editing. */
final class ModelCardWriter {

    record TrainingSummary(String dataFile, int trainRows, int trainDefaults, int validationRows,
                           int validationDefaults, int rounds, double validationAuc, float[] validationPd,
                           int[] validationLabels, Map<String, Object> params) {
    }

    private ModelCardWriter() {
    }

    static void write(Path card, TrainingSummary s) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(TrainDefaultModel.MODEL_VERSION).append(" (default probability)\n\n")
                .append("File: `").append(TrainDefaultModel.MODEL_FILE).append("` (XGBoost JSON model, xgboost4j 3.0.4). ")
                .append("Written by `com.loanflow.risk.model.TrainDefaultModel`; do not edit the numbers by hand, "
                        + "re-run the trainer.\n\n")
                .append(ModelCardText.INTENDED_USE)
                .append("## Data\n`").append(s.dataFile()).append("` (Give Me Some Credit, stratified 80% of Kaggle's "
                        + "cs-training.csv; label `SeriousDlqin2yrs` = 90+ days past due within two years). "
                        + "Seeded stratified split (seed ").append(TrainDefaultModel.SPLIT_SEED).append("): ")
                .append(String.format("train %,d rows (%,d defaults), validation %,d rows (%,d defaults, %.2f%%).%n%n",
                        s.trainRows(), s.trainDefaults(), s.validationRows(), s.validationDefaults(),
                        100.0 * s.validationDefaults() / s.validationRows()))
                .append(ModelCardText.FEATURES)
                .append("## Training\nParameters: `").append(s.params()).append("`. Up to ")
                .append(TrainDefaultModel.MAX_ROUNDS).append(" rounds with early stopping (")
                .append(TrainDefaultModel.EARLY_STOPPING_ROUNDS).append(" rounds) on validation AUC; retrained to the "
                        + "best round count: **").append(s.rounds()).append(" trees**.\n\n")
                .append(String.format("**Validation AUC: %.4f** (published gradient-boosting results on this data: "
                        + "0.86-0.87).%n%n", s.validationAuc()))
                .append(discrimination(s.validationPd(), s.validationLabels()))
                .append(distribution(s.validationPd()))
                .append(calibration(s.validationPd(), s.validationLabels()))
                .append(ModelCardText.BANDS)
                .append(routeMix(s.validationPd(), s.validationLabels()))
                .append(ModelCardText.LIMITATIONS);
        Files.writeString(card, md.toString(), StandardCharsets.UTF_8);
    }

    /** KS and Gini on the validation split, and the command that reproduces them from the built jar. */
    private static String discrimination(float[] pd, int[] labels) {
        ModelEvaluation.Result r = ModelEvaluation.of(pd, labels);
        return String.format("| metric (validation split) | value |%n|---|---|%n| AUC | %.4f |%n"
                + "| KS (max \\|TPR - FPR\\|) | %.4f |%n| Gini (2 AUC - 1) | %.4f |%n| n | %d |%n%n", r.auc(), r.ks(),
                r.gini(), r.n())
                + "Reproduce from the built jar: `java -jar decisions/target/decisions-cli.jar evaluate "
                + "--data ../shared/data/gmsc-dev.csv.gz --split validation` (last line `" + r.line() + "`).\n\n";
    }

    private static String distribution(float[] pd) {
        float[] sorted = pd.clone();
        Arrays.sort(sorted);
        StringBuilder md = new StringBuilder("## Validation PD distribution\n| quantile | PD |\n|---|---|\n");
        for (double q : new double[] {0.10, 0.25, 0.50, 0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.99}) {
            md.append(String.format("| %.0f%% | %.4f |%n", q * 100, sorted[(int) Math.floor(q * (sorted.length - 1))]));
        }
        return md.append('\n').toString();
    }

    /** Runs every validation PD through the shipped risk-route.dmn (no rule hit, not thin, 1000.00 requested). */
    private static String routeMix(float[] pd, int[] labels) {
        RiskRouteTable table = RiskRouteTable.loadDefault();
        Map<String, int[]> byRoute = new TreeMap<>(); // tier/outcome/group -> {applicants, defaults}
        for (int i = 0; i < pd.length; i++) {
            BigDecimal p = BigDecimal.valueOf(pd[i]).setScale(4, RoundingMode.HALF_EVEN);
            RiskRouteTable.Route r = table.route(false, p, false, new BigDecimal("1000.00"));
            String key = r.riskTier() + " | " + r.outcome() + " | " + (r.reviewGroup() == null ? "-" : r.reviewGroup());
            int[] counts = byRoute.computeIfAbsent(key, k -> new int[2]);
            counts[0]++;
            counts[1] += labels[i];
        }
        StringBuilder md = new StringBuilder("Validation applicants routed by the shipped table (" + table.version()
                + "):\n\n| tier | outcome | review group | share | observed default rate |\n|---|---|---|---|---|\n");
        byRoute.forEach((key, c) -> md.append(String.format("| %s | %.1f%% | %.4f |%n", key, 100.0 * c[0] / pd.length,
                (double) c[1] / c[0])));
        return md.append('\n').toString();
    }

    /** Deciles of predicted PD against the observed default rate in each decile. */
    private static String calibration(float[] pd, int[] labels) {
        Integer[] order = new Integer[pd.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(pd[a], pd[b]));
        StringBuilder md = new StringBuilder("## Calibration (validation deciles)\n"
                + "| decile | mean predicted PD | observed default rate |\n|---|---|---|\n");
        for (int d = 0; d < 10; d++) {
            int from = d * pd.length / 10;
            int to = (d + 1) * pd.length / 10;
            double predicted = 0;
            int defaults = 0;
            for (int k = from; k < to; k++) {
                predicted += pd[order[k]];
                defaults += labels[order[k]];
            }
            md.append(String.format("| %d | %.4f | %.4f |%n", d + 1, predicted / (to - from),
                    (double) defaults / (to - from)));
        }
        return md.append('\n').append(ModelCardText.CALIBRATION_NOTE).toString();
    }
}
