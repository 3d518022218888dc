package com.loanflow.risk.model;

import com.loanflow.risk.model.GmscData.LabeledReport;
import com.loanflow.risk.model.TaiwanData.LabeledCardHolder;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Trains a default-probability model and writes the XGBoost JSON model plus its card. Usage:
 * {@code TrainDefaultModel [gmsc|taiwan] [data.csv.gz] [outputDir]}; defaults are the GMSC model, the shared data set
 * and this module's model resource folder. Deterministic: fixed split seeds, XGBoost seed and thread count.
 *
 * <p>Honest validation: the file is split 80/20 once (the validation rows the card and {@code evaluate --split
 * validation} report); early stopping uses a second, inner 80/20 split of the training part only, then the model is
 * refitted on the whole training part with that round count. The validation rows never choose anything.
 */
public final class TrainDefaultModel {

    /** What differs between the two models; everything else (split, early stopping, card figures) is shared. */
    public record ModelSpec(String name, String modelVersion, String modelFile, String cardFile, String dataFile,
                            List<String> featureNames, String monotoneConstraints) {
    }

    public static final ModelSpec GMSC = new ModelSpec("gmsc", "gmsc-xgb-v2", "default-probability-v2.json",
            "MODEL_CARD.md", "gmsc-dev.csv.gz", CreditFeatures.NAMES, CreditFeatures.monotoneConstraints());
    public static final ModelSpec TAIWAN = new ModelSpec("taiwan", "taiwan-xgb-v1",
            "default-probability-taiwan-v1.json", "TAIWAN_MODEL_CARD.md", "taiwan-dev.csv.gz", TaiwanFeatures.NAMES,
            TaiwanFeatures.monotoneConstraints());

    static final long SPLIT_SEED = 20240607L;
    static final long INNER_SPLIT_SEED = 20251125L;
    static final double VALIDATION_SHARE = 0.20;
    static final int MAX_ROUNDS = 3000;
    static final int EARLY_STOPPING_ROUNDS = 100;

    /** Features (row-major, NaN = missing) and labels of a whole file, in file order. */
    record Dataset(float[][] rows, int[] labels) {
    }

    /** A fitted booster, the round count early stopping chose and the seconds it took. */
    record Fit(Booster booster, int rounds, double seconds) {
    }

    private TrainDefaultModel() {
    }

    public static void main(String[] args) throws Exception {
        ModelSpec spec = args.length > 0 ? spec(args[0]) : GMSC;
        Path data = Path.of(args.length > 1 ? args[1] : "/work/shared/data/" + spec.dataFile());
        Path out = Path.of(args.length > 2 ? args[2] : defaultOutputDir());
        train(spec, data, out, System.out);
    }

    public static ModelSpec spec(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gmsc" -> GMSC;
            case "taiwan" -> TAIWAN;
            default -> throw new IllegalArgumentException("no model '" + name + "' (gmsc or taiwan)");
        };
    }

    /** Trains {@code spec} on {@code data} and writes its model file and card into {@code out}. */
    public static void train(ModelSpec spec, Path data, Path out, java.io.PrintStream log) throws Exception {
        long start = System.nanoTime();
        Dataset all = load(spec, data);
        List<List<Integer>> split = stratifiedSplit(indices(all.labels().length), i -> all.labels()[i], SPLIT_SEED);
        List<Integer> train = split.get(0);
        List<Integer> validation = split.get(1);
        int[] validationLabels = labelsOf(all, validation);

        Map<String, Object> unconstrainedParams = params();
        Map<String, Object> constrainedParams = params();
        constrainedParams.put("monotone_constraints", spec.monotoneConstraints());
        Fit unconstrained = fit(all, train, unconstrainedParams);
        Fit constrained = fit(all, train, constrainedParams);
        float[] unconstrainedPd = predict(unconstrained.booster(), all, validation);
        float[] pd = predict(constrained.booster(), all, validation);
        ModelEvaluation.Result free = ModelEvaluation.of(unconstrainedPd, validationLabels);
        ModelEvaluation.Result shipped = ModelEvaluation.of(pd, validationLabels);
        log.printf("%s without monotone constraints: rounds=%d validation %s%n", spec.name(), unconstrained.rounds(),
                free.line());
        log.printf("%s with monotone constraints:    rounds=%d validation %s%n", spec.name(), constrained.rounds(),
                shipped.line());

        Booster booster = constrained.booster();
        booster.setAttr("model_version", spec.modelVersion());
        booster.setAttr("feature_order", String.join(",", spec.featureNames()));
        booster.setAttr("validation_auc", String.format(Locale.ROOT, "%.4f", shipped.auc()));
        Files.createDirectories(out);
        try (OutputStream modelOut = Files.newOutputStream(out.resolve(spec.modelFile()))) {
            booster.saveModel(modelOut, "json");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelCardWriter.write(out.resolve(spec.cardFile()), new ModelCardWriter.TrainingSummary(spec,
                data.getFileName().toString(), ModelCardWriter.sha256(data), train.size(),
                countDefaults(all, train), validation.size(), countDefaults(all, validation), constrainedParams,
                constrained.rounds(), unconstrained.rounds(), pd, unconstrainedPd, validationLabels,
                Files.size(out.resolve(spec.modelFile())), seconds));
        log.printf("wrote %s and %s in %.0f s%n", out.resolve(spec.modelFile()), spec.cardFile(), seconds);
    }

    /**
     * Shared hyper-parameters, chosen by 5-fold cross-validation on the GMSC training part (never the validation
     * rows): see docs/adr/0011-model-tuning-and-taiwan.md.
     */
    static Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "auc");
        p.put("tree_method", "hist");
        p.put("max_depth", 4);
        p.put("eta", 0.02);
        p.put("min_child_weight", 10);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.6);
        p.put("seed", 42);
        p.put("nthread", 2);
        return p;
    }

    /**
     * Early stopping on an inner split of the training rows, then a refit on all of them with the round count
     * found: the shipped file holds no trees past the optimum, and the validation rows are never looked at.
     */
    static Fit fit(Dataset all, List<Integer> train, Map<String, Object> params) throws XGBoostError {
        long start = System.nanoTime();
        List<List<Integer>> inner = stratifiedSplit(train, i -> all.labels()[i], INNER_SPLIT_SEED);
        DMatrix innerTrain = matrix(all, inner.get(0));
        DMatrix innerValidation = matrix(all, inner.get(1));
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("inner-validation", innerValidation);
        float[][] metrics = new float[1][MAX_ROUNDS];
        XGBoost.train(innerTrain, params, MAX_ROUNDS, watches, metrics, null, null, EARLY_STOPPING_ROUNDS)
                .dispose();
        innerTrain.dispose();
        innerValidation.dispose();
        int rounds = bestRound(metrics[0]) + 1;
        DMatrix full = matrix(all, train);
        Booster booster = XGBoost.train(full, params, rounds, Map.of(), null, null);
        full.dispose();
        return new Fit(booster, rounds, (System.nanoTime() - start) / 1e9);
    }

    static Dataset load(ModelSpec spec, Path data) throws IOException {
        if (spec == TAIWAN) {
            List<LabeledCardHolder> rows = TaiwanData.read(data);
            return new Dataset(rows.stream().map(r -> TaiwanFeatures.of(r.holder())).toArray(float[][]::new),
                    rows.stream().mapToInt(LabeledCardHolder::defaulted).toArray());
        }
        List<LabeledReport> rows = GmscData.read(data);
        return new Dataset(rows.stream().map(r -> CreditFeatures.of(r.report())).toArray(float[][]::new),
                labels(rows));
    }

    /** Seeded 80/20 split of the GMSC rows within each label, so both halves keep the 6.7% default rate. */
    static List<List<LabeledReport>> stratifiedSplit(List<LabeledReport> rows) {
        return stratifiedSplit(rows, LabeledReport::defaulted, SPLIT_SEED);
    }

    /**
     * Seeded 80/20 split within each label (0 then 1): each stratum keeps file order, is shuffled with the one
     * seeded Random, and its first 20% is the validation part. Returns {train, validation}.
     */
    static <T> List<List<T>> stratifiedSplit(List<T> rows, ToIntFunction<T> label, long seed) {
        Random random = new Random(seed);
        List<T> train = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        for (int value = 0; value <= 1; value++) {
            List<T> stratum = new ArrayList<>();
            for (T r : rows) {
                if (label.applyAsInt(r) == value) {
                    stratum.add(r);
                }
            }
            Collections.shuffle(stratum, random);
            int validationSize = (int) Math.round(stratum.size() * VALIDATION_SHARE);
            validation.addAll(stratum.subList(0, validationSize));
            train.addAll(stratum.subList(validationSize, stratum.size()));
        }
        return List.of(train, validation);
    }

    static DMatrix matrix(Dataset all, List<Integer> rows) throws XGBoostError {
        int columns = all.rows()[0].length;
        float[] values = new float[rows.size() * columns];
        float[] labels = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(all.rows()[rows.get(i)], 0, values, i * columns, columns);
            labels[i] = all.labels()[rows.get(i)];
        }
        DMatrix matrix = new DMatrix(values, rows.size(), columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    private static float[] predict(Booster booster, Dataset all, List<Integer> rows) throws XGBoostError {
        DMatrix matrix = matrix(all, rows);
        try {
            return column(booster.predict(matrix));
        } finally {
            matrix.dispose();
        }
    }

    static int bestRound(float[] validationAuc) {
        int best = 0;
        for (int i = 1; i < validationAuc.length; i++) {
            if (validationAuc[i] > validationAuc[best]) {
                best = i;
            }
        }
        return best;
    }

    static float[] column(float[][] predictions) {
        return BoosterPool.column(predictions);
    }

    static int[] labels(List<LabeledReport> rows) {
        return rows.stream().mapToInt(LabeledReport::defaulted).toArray();
    }

    private static int[] labelsOf(Dataset all, List<Integer> rows) {
        return rows.stream().mapToInt(i -> all.labels()[i]).toArray();
    }

    private static int countDefaults(Dataset all, List<Integer> rows) {
        return rows.stream().mapToInt(i -> all.labels()[i]).sum();
    }

    private static List<Integer> indices(int n) {
        List<Integer> indices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indices.add(i);
        }
        return indices;
    }

    public static String defaultOutputDir() {
        String resources = "src/main/resources/com/loanflow/risk/model";
        return Files.isDirectory(Path.of("decisions")) ? "decisions/" + resources : resources;
    }
}
