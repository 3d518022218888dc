package com.loanflow.risk.model;

import com.loanflow.risk.model.TaiwanData.CardHolder;

import java.util.List;

/**
 * The Taiwan credit-card model: trained by the same pipeline as the GMSC model to show the pipeline is not fitted to
 * one data set. For evaluation only; the serving path scores bureau reports with {@link DefaultProbabilityModel}.
 */
public final class TaiwanDefaultModel {

    public static final String RESOURCE = "/com/loanflow/risk/model/" + TrainDefaultModel.TAIWAN.modelFile();

    private final BoosterPool pool;

    private TaiwanDefaultModel(BoosterPool pool) {
        if (!pool.featureOrder().equals(TaiwanFeatures.NAMES)) {
            throw new IllegalStateException("model feature order does not match TaiwanFeatures: "
                    + String.join(",", pool.featureOrder()));
        }
        this.pool = pool;
    }

    public static TaiwanDefaultModel loadDefault() {
        return new TaiwanDefaultModel(BoosterPool.loadResource(RESOURCE));
    }

    public String version() {
        return pool.version();
    }

    public float[] defaultProbabilities(List<CardHolder> holders) {
        float[] values = new float[holders.size() * TaiwanFeatures.COUNT];
        for (int i = 0; i < holders.size(); i++) {
            System.arraycopy(TaiwanFeatures.of(holders.get(i)), 0, values, i * TaiwanFeatures.COUNT,
                    TaiwanFeatures.COUNT);
        }
        return pool.predict(values, holders.size(), TaiwanFeatures.COUNT);
    }
}
