package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The shipped XGBoost default-probability model: one applicant in, PD and its top adverse factors out. */
public final class DefaultProbabilityModel {

    public static final String RESOURCE = "/com/loanflow/risk/model/" + TrainDefaultModel.MODEL_FILE;
    private static final int ADVERSE_FACTOR_COUNT = 3;

    /** PD in [0, 1] and the codes of the features that pushed it up most (largest first, at most three). */
    public record Score(double defaultProbability, List<String> adverseFactorCodes) {
    }

    /**
     * Idle boosters, all loaded from the same model bytes. A Booster is not documented as thread-safe, so each call
     * borrows one for itself instead of queueing on a shared lock; the pool grows to the number of concurrent
     * callers and no further. Each booster predicts single-threaded (nthread=1): for one row, XGBoost's OpenMP
     * threads only add start-up and spin-wait cost, and they fight the JVM's own threads for the cores.
     */
    private final ConcurrentLinkedDeque<Booster> idle = new ConcurrentLinkedDeque<>();
    private final byte[] modelBytes;
    private final String version;

    private DefaultProbabilityModel(byte[] modelBytes, Booster first, String version) {
        this.modelBytes = modelBytes;
        this.version = version;
        idle.push(first);
    }

    public static DefaultProbabilityModel loadDefault() {
        try (InputStream in = DefaultProbabilityModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model resource missing: " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DefaultProbabilityModel load(InputStream json) throws IOException {
        byte[] bytes = json.readAllBytes();
        try {
            Booster booster = newBooster(bytes);
            String featureOrder = booster.getAttr("feature_order");
            // A model trained on another column order would score silently wrong; refuse it instead.
            if (!String.join(",", CreditFeatures.NAMES).equals(featureOrder)) {
                throw new IllegalStateException("model feature order does not match CreditFeatures: " + featureOrder);
            }
            return new DefaultProbabilityModel(bytes, booster, booster.getAttr("model_version"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot load XGBoost model", e);
        }
    }

    private static Booster newBooster(byte[] modelBytes) throws XGBoostError, IOException {
        Booster booster = XGBoost.loadModel(new ByteArrayInputStream(modelBytes));
        booster.setParam("nthread", 1);
        return booster;
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

    private void giveBack(Booster booster) {
        idle.push(booster);
    }

    public String version() {
        return version;
    }

    public Score score(CreditBureauReport report) {
        float[] features = CreditFeatures.of(report);
        float pd;
        float[] contributions;
        DMatrix row = null;
        Booster booster = null;
        try {
            row = new DMatrix(features, 1, CreditFeatures.COUNT, Float.NaN);
            booster = borrow();
            pd = booster.predict(row)[0][0];
            contributions = booster.predictContrib(row, 0)[0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost scoring failed", e);
        } finally {
            if (booster != null) {
                giveBack(booster);
            }
            if (row != null) {
                row.dispose();
            }
        }
        return new Score(pd, topPositive(contributions));
    }

    /** PDs for many reports at once, without explanations: for back-testing the model on a data set. */
    public float[] defaultProbabilities(List<CreditBureauReport> reports) {
        float[] values = new float[reports.size() * CreditFeatures.COUNT];
        for (int i = 0; i < reports.size(); i++) {
            System.arraycopy(CreditFeatures.of(reports.get(i)), 0, values, i * CreditFeatures.COUNT,
                    CreditFeatures.COUNT);
        }
        DMatrix rows = null;
        Booster booster = null;
        try {
            rows = new DMatrix(values, reports.size(), CreditFeatures.COUNT, Float.NaN);
            booster = borrow();
            return TrainDefaultModel.column(booster.predict(rows));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost scoring failed", e);
        } finally {
            if (booster != null) {
                giveBack(booster);
            }
            if (rows != null) {
                rows.dispose();
            }
        }
    }

    /** Codes of the largest positive SHAP contributions; the last contribution is the bias, not a feature. */
    static List<String> topPositive(float[] contributions) {
        List<Integer> positive = new ArrayList<>();
        for (int i = 0; i < CreditFeatures.COUNT; i++) {
            if (contributions[i] > 0) {
                positive.add(i);
            }
        }
        positive.sort(Comparator.comparingDouble((Integer i) -> contributions[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return positive.stream().limit(ADVERSE_FACTOR_COUNT).map(CreditFeatures.CODES::get).toList();
    }
}
