package com.loanflow.risk.model;

import com.loanflow.risk.model.TrainDefaultModel.ModelSpec;
import com.loanflow.risk.tables.RiskRouteTable;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a model card from what training measured, so the card's numbers cannot go stale by hand-editing. */
final class ModelCardWriter {

    record TrainingSummary(ModelSpec spec, String dataFile, String dataSha256, int trainRows, int trainDefaults,
                           int validationRows, int validationDefaults, Map<String, Object> params, int rounds,
                           int unconstrainedRounds, float[] validationPd, float[] unconstrainedPd,
                           int[] validationLabels, long modelBytes, double trainSeconds) {
    }

    private ModelCardWriter() {
    }

    static void write(Path card, TrainingSummary s) throws IOException {
        ModelSpec spec = s.spec();
        ModelCardText.Prose prose = ModelCardText.of(spec);
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(spec.modelVersion()).append(" (").append(prose.title()).append(")\n\n")
                .append(String.format(Locale.ROOT, "File: `%s` (XGBoost JSON model, xgboost4j 3.0.4, %,d bytes). ",
                        spec.modelFile(), s.modelBytes()))
                .append("Written by `com.loanflow.risk.model.TrainDefaultModel ").append(spec.name())
                .append("`; do not edit the numbers by hand, re-run the trainer.\n\n")
                .append(prose.intendedUse())
                .append(ModelCardText.reproduce(spec))
                .append("## Data\n`").append(s.dataFile()).append("` (sha256 `").append(s.dataSha256()).append("`). ")
                .append(prose.data())
                .append(String.format(Locale.ROOT, " Seeded stratified split (seed %d): train %,d rows (%,d defaults), "
                        + "validation %,d rows (%,d defaults, %.2f%%). The validation rows are used only for the "
                        + "figures below: early stopping uses an inner stratified 80/20 split of the training rows "
                        + "(seed %d).%n%n", TrainDefaultModel.SPLIT_SEED, s.trainRows(), s.trainDefaults(),
                        s.validationRows(), s.validationDefaults(), 100.0 * s.validationDefaults() / s.validationRows(),
                        TrainDefaultModel.INNER_SPLIT_SEED))
                .append(prose.features())
                .append(training(s))
                .append(discrimination(s))
                .append(distribution(s.validationPd()))
                .append(calibration(s.validationPd(), s.validationLabels()))
                .append(prose.calibrationNote());
        if (spec == TrainDefaultModel.GMSC) {
            md.append(ModelCardText.BANDS).append(routeMix(s.validationPd(), s.validationLabels()));
        }
        md.append(prose.limitations());
        Files.writeString(card, md.toString(), StandardCharsets.UTF_8);
    }

    private static String training(TrainingSummary s) {
        return String.format(Locale.ROOT, "## Training%nParameters: `%s`. Up to %d rounds with early stopping (%d "
                        + "rounds without improvement) on the inner split's AUC, then refitted on the whole training "
                        + "part with that round count: **%d trees** (%d without the monotone constraints). "
                        + "Hyper-parameters were chosen by 5-fold cross-validation on the GMSC training part "
                        + "(docs/adr/0011-model-tuning-and-taiwan.md); the Taiwan model reuses them unchanged. "
                        + "Training (load, both fits, card) took %.0f s wall clock on the 2 shared cores.%n%n",
                s.params(), TrainDefaultModel.MAX_ROUNDS, TrainDefaultModel.EARLY_STOPPING_ROUNDS, s.rounds(),
                s.unconstrainedRounds(), s.trainSeconds());
    }

    /** AUC, KS and Gini on the validation split, with and without the monotone constraints. */
    private static String discrimination(TrainingSummary s) {
        ModelEvaluation.Result shipped = ModelEvaluation.of(s.validationPd(), s.validationLabels());
        ModelEvaluation.Result free = ModelEvaluation.of(s.unconstrainedPd(), s.validationLabels());
        String evaluate = "java -jar decisions/target/decisions-cli.jar evaluate"
                + (s.spec() == TrainDefaultModel.GMSC ? "" : " --model " + s.spec().name())
                + " --data ../shared/data/" + s.spec().dataFile() + " --split validation";
        return String.format(Locale.ROOT, "**Validation AUC: %.4f** (shipped, monotone constraints `%s`).%n%n"
                        + "| metric (validation split) | shipped (monotone) | without monotone constraints |%n"
                        + "|---|---|---|%n| AUC | %.4f | %.4f |%n| KS (max \\|TPR - FPR\\|) | %.4f | %.4f |%n"
                        + "| Gini (2 AUC - 1) | %.4f | %.4f |%n| n | %d | %d |%n%n"
                        + "Cost of the monotone constraints: %+.4f AUC, %+.4f KS.%n%n",
                shipped.auc(), s.spec().monotoneConstraints(), shipped.auc(), free.auc(), shipped.ks(), free.ks(),
                shipped.gini(), free.gini(), shipped.n(), free.n(), shipped.auc() - free.auc(), shipped.ks() - free.ks())
                + "Reproduce from the built jar: `" + evaluate + "` (last line `" + shipped.line() + "`).\n\n";
    }

    private static String distribution(float[] pd) {
        float[] sorted = pd.clone();
        Arrays.sort(sorted);
        StringBuilder md = new StringBuilder("## Validation PD distribution\n| quantile | PD |\n|---|---|\n");
        for (double q : new double[] {0.10, 0.25, 0.50, 0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.99}) {
            md.append(String.format(Locale.ROOT, "| %.0f%% | %.4f |%n", q * 100,
                    sorted[(int) Math.floor(q * (sorted.length - 1))]));
        }
        return md.append('\n').toString();
    }

    /** Runs every validation PD through the shipped risk-route-v5.dmn (no rule hit, not thin, 1000.00 requested). */
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
        byRoute.forEach((key, c) -> md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.4f |%n", key,
                100.0 * c[0] / pd.length, (double) c[1] / c[0])));
        return md.append('\n').toString();
    }

    /** Deciles of predicted PD against the observed default rate in each decile, and the largest gap. */
    static String calibration(float[] pd, int[] labels) {
        double[][] deciles = deciles(pd, labels);
        StringBuilder md = new StringBuilder("## Calibration (validation deciles)\n"
                + "| decile | mean predicted PD | observed default rate | observed - predicted |\n|---|---|---|---|\n");
        double worst = 0;
        for (int d = 0; d < deciles.length; d++) {
            double gap = deciles[d][1] - deciles[d][0];
            worst = Math.max(worst, Math.abs(gap));
            md.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %+.4f |%n", d + 1, deciles[d][0],
                    deciles[d][1], gap));
        }
        return md.append(String.format(Locale.ROOT, "%nLargest gap between observed default rate and mean PD in a "
                + "decile: %.1f percentage points.%n%n", 100 * worst)).toString();
    }

    /** {mean predicted PD, observed default rate} for each tenth of the rows ordered by PD. */
    static double[][] deciles(float[] pd, int[] labels) {
        Integer[] order = new Integer[pd.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(pd[a], pd[b]));
        double[][] deciles = new double[10][2];
        for (int d = 0; d < 10; d++) {
            int from = d * pd.length / 10;
            int to = (d + 1) * pd.length / 10;
            double predicted = 0;
            int defaults = 0;
            for (int k = from; k < to; k++) {
                predicted += pd[order[k]];
                defaults += labels[order[k]];
            }
            deciles[d][0] = predicted / (to - from);
            deciles[d][1] = (double) defaults / (to - from);
        }
        return deciles;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
