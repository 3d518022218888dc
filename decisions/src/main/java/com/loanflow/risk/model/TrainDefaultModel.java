package com.loanflow.risk.model;

import com.loanflow.risk.model.GmscData.LabeledReport;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the default-probability model on gmsc-dev.csv.gz and writes the XGBoost JSON model plus its card.
 * Usage: {@code TrainDefaultModel [data.csv.gz] [outputDir]}; defaults are the shared data set and this module's
 * model resource folder. Deterministic: fixed split seed and XGBoost seed.
 */
public final class TrainDefaultModel {

    public static final String MODEL_VERSION = "gmsc-xgb-v1";
    public static final String MODEL_FILE = "default-probability-v1.json";
    static final long SPLIT_SEED = 20240607L;
    static final double VALIDATION_SHARE = 0.20;
    static final int MAX_ROUNDS = 400;
    static final int EARLY_STOPPING_ROUNDS = 30;

    private TrainDefaultModel() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/work/shared/data/gmsc-dev.csv.gz");
        Path out = Path.of(args.length > 1 ? args[1] : defaultOutputDir());
        List<LabeledReport> rows;
        try (InputStream in = Files.newInputStream(data)) {
            rows = GmscData.readGzip(in);
        }
        List<List<LabeledReport>> split = stratifiedSplit(rows);
        DMatrix train = matrix(split.get(0));
        DMatrix validation = matrix(split.get(1));

        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("train", train);
        watches.put("validation", validation); // last watch drives early stopping
        float[][] metrics = new float[2][MAX_ROUNDS];
        XGBoost.train(train, params(), MAX_ROUNDS, watches, metrics, null, null, EARLY_STOPPING_ROUNDS);
        int bestRounds = bestRound(metrics[1]) + 1;

        // Retrain to exactly the best round count so the shipped file holds no trees past the optimum.
        Booster booster = XGBoost.train(train, params(), bestRounds, Map.of(), null, null);
        float[] pd = column(booster.predict(validation));
        int[] labels = labels(split.get(1));
        double auc = Auc.of(pd, labels);
        System.out.printf("rounds=%d validation AUC=%.4f%n", bestRounds, auc);

        booster.setAttr("model_version", MODEL_VERSION);
        booster.setAttr("feature_order", String.join(",", CreditFeatures.NAMES));
        booster.setAttr("validation_auc", String.format("%.4f", auc));
        Files.createDirectories(out);
        try (OutputStream modelOut = Files.newOutputStream(out.resolve(MODEL_FILE))) {
            booster.saveModel(modelOut, "json");
        }
        ModelCardWriter.write(out.resolve("MODEL_CARD.md"), new ModelCardWriter.TrainingSummary(
                data.getFileName().toString(), split.get(0).size(), countDefaults(split.get(0)),
                labels.length, countDefaults(split.get(1)), bestRounds, auc, pd, labels, params()));
        System.out.println("wrote " + out.resolve(MODEL_FILE) + " and MODEL_CARD.md");
    }

    static Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "auc");
        p.put("tree_method", "hist");
        p.put("max_depth", 4);
        p.put("eta", 0.05);
        p.put("min_child_weight", 5);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("seed", 42);
        p.put("nthread", 2);
        return p;
    }

    /** Seeded 80/20 split within each label, so both halves keep the 6.7% default rate. */
    static List<List<LabeledReport>> stratifiedSplit(List<LabeledReport> rows) {
        Random random = new Random(SPLIT_SEED);
        List<LabeledReport> train = new ArrayList<>();
        List<LabeledReport> validation = new ArrayList<>();
        for (int label = 0; label <= 1; label++) {
            List<LabeledReport> stratum = new ArrayList<>();
            for (LabeledReport r : rows) {
                if (r.defaulted() == label) {
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

    static DMatrix matrix(List<LabeledReport> rows) throws XGBoostError {
        float[] values = new float[rows.size() * CreditFeatures.COUNT];
        float[] labels = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(CreditFeatures.of(rows.get(i).report()), 0, values, i * CreditFeatures.COUNT,
                    CreditFeatures.COUNT);
            labels[i] = rows.get(i).defaulted();
        }
        DMatrix matrix = new DMatrix(values, rows.size(), CreditFeatures.COUNT, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
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
        float[] values = new float[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            values[i] = predictions[i][0];
        }
        return values;
    }

    static int[] labels(List<LabeledReport> rows) {
        return rows.stream().mapToInt(LabeledReport::defaulted).toArray();
    }

    private static int countDefaults(List<LabeledReport> rows) {
        return (int) rows.stream().filter(r -> r.defaulted() == 1).count();
    }

    private static String defaultOutputDir() {
        String resources = "src/main/resources/com/loanflow/risk/model";
        return Files.isDirectory(Path.of("decisions")) ? "decisions/" + resources : resources;
    }
}
