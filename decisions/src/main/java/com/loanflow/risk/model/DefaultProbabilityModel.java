package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The shipped XGBoost default-probability model: one applicant in, PD and its top adverse factors out.
 *
 * <p>Per decision the model is scored by {@link TreeEnsemble}, a Java reading of the same XGBoost JSON file (PD and
 * exact TreeSHAP contributions); xgboost4j scores batches (evaluation, back-testing) and, each time a model is
 * loaded, the probe rows of {@link ScoringAgreement} that prove both give the same PDs and contributions. A model
 * where they differ is refused at load instead of explaining decisions differently from XGBoost (ADR 0016).
 */
public final class DefaultProbabilityModel {

    /** The model {@link #loadDefault()} serves. */
    public static final String RESOURCE = "/com/loanflow/risk/model/" + TrainDefaultModel.GMSC.modelFile();
    private static final int ADVERSE_FACTOR_COUNT = 3;
    /**
     * The version of how contributions become adverse factors ({@link #attributeMissing}, {@link #topPositive}):
     * raise it whenever that changes. Decisions record it after the model's version (gmsc-xgb-v2+reasons-2), so a
     * replay knows whether it can compare their factors. Records without it predate reasons-2 (any positive
     * contribution, no attribution of missing columns).
     */
    public static final String EXPLANATION_VERSION = "reasons-2";

    /** PD in [0, 1] and the codes of the features that pushed it up most (largest first, at most three). */
    public record Score(double defaultProbability, List<String> adverseFactorCodes) {
    }

    private final BoosterPool pool;
    private final TreeEnsemble ensemble;
    /** How many leading columns of {@link CreditFeatures#of} the model reads (fewer for an older model). */
    private final int columns;

    private DefaultProbabilityModel(BoosterPool pool) {
        pool.requireFeaturePrefixOf(CreditFeatures.NAMES);
        this.pool = pool;
        this.columns = pool.featureOrder().size();
        this.ensemble = TreeEnsemble.read(pool.modelBytes());
        if (ensemble.featureCount() != columns) {
            throw new IllegalStateException("model " + pool.version() + " reads " + ensemble.featureCount()
                    + " features but names " + columns);
        }
        ScoringAgreement.check(pool.version(), ensemble, pool);
    }

    public static DefaultProbabilityModel loadDefault() {
        return load(RESOURCE);
    }

    /**
     * A bundled GMSC model by resource: an absolute classpath path, or a file name in the model folder, e.g.
     * {@code "default-probability-v1.json"} (gmsc-xgb-v1) or {@code "default-probability-v2.json"} (gmsc-xgb-v2).
     *
     * @throws IllegalStateException when the resource is missing or its columns are not this mapping's
     */
    public static DefaultProbabilityModel load(String resource) {
        return new DefaultProbabilityModel(BoosterPool.loadResource(resource));
    }

    public static DefaultProbabilityModel load(InputStream json) throws IOException {
        return new DefaultProbabilityModel(BoosterPool.load(json));
    }

    public String version() {
        return pool.version();
    }

    public Score score(CreditBureauReport report) {
        float[] features = features(report);
        TreeEnsemble.Explained explained = ensemble.explain(features);
        return new Score(explained.probability(), topPositive(attributeMissing(features, explained.contributions())));
    }

    /**
     * Columns left missing on purpose, and the indicator column that says why: a past-due sentinel (96/98) makes the
     * three counts and both sums missing, a missing income the three income columns. {index of indicator, members}.
     */
    private static final int[][] MISSING_BECAUSE = {
            {column("PastDueSpecialCode"), column("NumberOfTime30-59DaysPastDueNotWorse"),
                    column("NumberOfTimes90DaysLate"), column("NumberOfTime60-89DaysPastDueNotWorse"),
                    column("PastDueTotal"), column("PastDueWeighted")},
            {column("MonthlyIncomeMissing"), column("MonthlyIncome"), column("MonthlyDebtPayment"),
                    column("IncomePerHouseholdMember")}};

    private static int column(String name) {
        int index = CreditFeatures.NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("no feature " + name);
        }
        return index;
    }

    /**
     * The contributions with each column missing because of a sentinel or a missing income moved onto the indicator
     * that says so (the SHAP values still sum to the score). The trees' default branch for a missing value carries
     * the effect of "the bureau sent a code" or "no income reported"; left on the column, a report with no late
     * payments but a 96 code would be explained as "payments 90 or more days late". A group whose indicator an older
     * model does not read (gmsc-xgb-v1 has no MonthlyIncomeMissing) keeps its contributions where they are.
     */
    static float[] attributeMissing(float[] features, float[] contributions) {
        float[] moved = contributions.clone();
        for (int[] group : MISSING_BECAUSE) {
            int indicator = group[0];
            if (indicator >= features.length || features[indicator] != 1f) {
                continue;
            }
            for (int k = 1; k < group.length; k++) {
                int member = group[k];
                if (member < features.length && Float.isNaN(features[member])) {
                    moved[indicator] += moved[member];
                    moved[member] = 0f;
                }
            }
        }
        return moved;
    }

    /** PDs for many reports at once, without explanations: for back-testing the model on a data set. */
    public float[] defaultProbabilities(List<CreditBureauReport> reports) {
        float[] values = new float[reports.size() * columns];
        for (int i = 0; i < reports.size(); i++) {
            System.arraycopy(features(reports.get(i)), 0, values, i * columns, columns);
        }
        return pool.predict(values, reports.size(), columns);
    }

    private float[] features(CreditBureauReport report) {
        float[] all = CreditFeatures.of(report);
        return columns == all.length ? all : Arrays.copyOf(all, columns);
    }

    /**
     * The smallest contribution (log-odds) that counts as an adverse factor: about a 1% rise in the odds. Below it a
     * feature barely moved the score, and naming it ("number of dependents" for +0.0008) would mislead.
     */
    static final float MIN_ADVERSE_CONTRIBUTION = 0.01f;

    /**
     * Codes of the largest SHAP contributions of at least {@link #MIN_ADVERSE_CONTRIBUTION}, at most three, largest
     * first, ties by column order; empty when nothing pushed the score up. The last contribution is the bias.
     */
    static List<String> topPositive(float[] contributions) {
        int features = contributions.length - 1;
        List<Integer> positive = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            if (contributions[i] >= MIN_ADVERSE_CONTRIBUTION) {
                positive.add(i);
            }
        }
        positive.sort(Comparator.comparingDouble((Integer i) -> contributions[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return positive.stream().limit(ADVERSE_FACTOR_COUNT).map(CreditFeatures.CODES::get).toList();
    }
}
