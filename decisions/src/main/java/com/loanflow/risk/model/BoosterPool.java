package com.loanflow.risk.model;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One XGBoost model file and idle xgboost4j boosters loaded from it, for what is scored natively: batches (evaluation,
 * back-testing) and the probe rows that check the per-decision Java scorer at load ({@link ScoringAgreement}). A
 * Booster is not documented as thread-safe, so each call borrows one for itself instead of queueing on a shared
 * lock; the pool grows to the number of concurrent callers and no further. Boosters predict single-threaded
 * (nthread=1): XGBoost's OpenMP threads fight the JVM's own threads for the two cores.
 */
final class BoosterPool {

    private final ConcurrentLinkedDeque<Booster> idle = new ConcurrentLinkedDeque<>();
    private final byte[] modelBytes;
    private final String version;
    private final List<String> featureOrder;

    private BoosterPool(byte[] modelBytes, Booster first) throws XGBoostError {
        this.modelBytes = modelBytes;
        this.version = first.getAttr("model_version");
        String order = first.getAttr("feature_order");
        this.featureOrder = order == null ? List.of() : Arrays.asList(order.split(","));
        idle.push(first);
    }

    /** Reads a classpath resource: an absolute path, or a file name in this package's model folder. */
    static BoosterPool loadResource(String resource) {
        String path = resource.startsWith("/") ? resource : "/com/loanflow/risk/model/" + resource;
        try (InputStream in = BoosterPool.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("model resource missing: " + path);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoosterPool load(InputStream json) throws IOException {
        return load(json.readAllBytes());
    }

    static BoosterPool load(byte[] bytes) {
        try {
            return new BoosterPool(bytes, newBooster(bytes));
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot load XGBoost model", e);
        }
    }

    /** The model file as loaded. */
    byte[] modelBytes() {
        return modelBytes.clone();
    }

    /** The model_version attribute the trainer wrote. */
    String version() {
        return version;
    }

    /** The feature_order attribute the trainer wrote: the model's column names in order. */
    List<String> featureOrder() {
        return featureOrder;
    }

    /**
     * A model trained on another column order would score silently wrong; refuse it instead. The model may read a
     * prefix of the mapping's columns (an older model of the same mapping).
     */
    void requireFeaturePrefixOf(List<String> mappingNames) {
        if (featureOrder.isEmpty() || featureOrder.size() > mappingNames.size()
                || !mappingNames.subList(0, featureOrder.size()).equals(featureOrder)) {
            throw new IllegalStateException("model feature order does not match the feature mapping: "
                    + String.join(",", featureOrder));
        }
    }

    /** PD of each row; {@code values} is row-major with {@code columns} values a row (NaN = missing). */
    float[] predict(float[] values, int rows, int columns) {
        return run(values, rows, columns, false)[0];
    }

    /** SHAP contributions of each row (one value a column, then the bias), as xgboost4j's predictContrib gives them. */
    float[][] contributions(float[] values, int rows, int columns) {
        return run(values, rows, columns, true);
    }

    private float[][] run(float[] values, int rows, int columns, boolean explain) {
        DMatrix matrix = null;
        Booster booster = null;
        try {
            matrix = new DMatrix(values, rows, columns, Float.NaN);
            booster = borrow();
            return explain ? booster.predictContrib(matrix, 0) : new float[][] {column(booster.predict(matrix))};
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost scoring failed", e);
        } finally {
            if (booster != null) {
                idle.push(booster);
            }
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    private Booster borrow() throws XGBoostError {
        Booster booster = idle.poll();
        if (booster != null) {
            return booster;
        }
        try {
            return newBooster(modelBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Booster newBooster(byte[] modelBytes) throws XGBoostError, IOException {
        Booster booster = XGBoost.loadModel(new ByteArrayInputStream(modelBytes));
        booster.setParam("nthread", 1);
        return booster;
    }

    static float[] column(float[][] predictions) {
        float[] values = new float[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            values[i] = predictions[i][0];
        }
        return values;
    }
}
