package com.loanflow.risk.model;

import java.util.Random;

/**
 * Proof, at every model load, that {@link TreeEnsemble} scores a model as xgboost4j does. Probe rows are drawn with a
 * fixed seed from the model's own split thresholds (exactly at, just below and between them, so both sides of
 * every comparison are taken) with some features missing; both engines score them and must agree on each PD to
 * {@value #PD_TOLERANCE} and on each SHAP contribution to {@value #CONTRIBUTION_TOLERANCE} log-odds. Float rounding
 * differs by far less; a misread file (another layout, a new split type, a changed missing-value rule) by far more.
 */
final class ScoringAgreement {

    static final int PROBE_ROWS = 256;
    static final double PD_TOLERANCE = 1e-5;
    static final double CONTRIBUTION_TOLERANCE = 1e-4;
    private static final long SEED = 20251125L;

    private ScoringAgreement() {
    }

    static void check(String version, TreeEnsemble ensemble, BoosterPool xgboost) {
        int columns = ensemble.featureCount();
        float[] probes = probeRows(ensemble, PROBE_ROWS);
        float[] expectedPd = xgboost.predict(probes, PROBE_ROWS, columns);
        float[][] expectedContributions = xgboost.contributions(probes, PROBE_ROWS, columns);
        float[] row = new float[columns];
        for (int r = 0; r < PROBE_ROWS; r++) {
            System.arraycopy(probes, r * columns, row, 0, columns);
            TreeEnsemble.Explained explained = ensemble.explain(row); // what decisions are served from
            float pd = explained.probability();
            if (!agrees(pd, expectedPd[r], PD_TOLERANCE)) {
                throw disagreement(version, "PD", r, pd, expectedPd[r]);
            }
            float walked = ensemble.probability(row);
            if (!agrees(walked, expectedPd[r], PD_TOLERANCE)) {
                throw disagreement(version, "PD by tree walk", r, walked, expectedPd[r]);
            }
            float[] contributions = explained.contributions();
            for (int c = 0; c <= columns; c++) {
                if (!agrees(contributions[c], expectedContributions[r][c], CONTRIBUTION_TOLERANCE)) {
                    throw disagreement(version, "contribution " + c, r, contributions[c],
                            expectedContributions[r][c]);
                }
            }
        }
    }

    /** Within tolerance, and written so that NaN on either side is a disagreement, not a pass. */
    static boolean agrees(float actual, float expected, double tolerance) {
        return Math.abs(actual - expected) <= tolerance;
    }

    /** Row-major probe rows: per feature 15% missing, else a threshold, the float just below one, or a midpoint. */
    static float[] probeRows(TreeEnsemble ensemble, int rows) {
        float[][] thresholds = ensemble.thresholdsByFeature();
        int columns = ensemble.featureCount();
        Random random = new Random(SEED);
        float[] values = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                float[] cuts = thresholds[c];
                float value;
                if (cuts.length == 0 || random.nextInt(100) < 15) {
                    value = Float.NaN;
                } else {
                    int i = random.nextInt(cuts.length);
                    value = switch (random.nextInt(3)) {
                        case 0 -> cuts[i];
                        case 1 -> Math.nextDown(cuts[i]);
                        default -> i + 1 < cuts.length ? (cuts[i] + cuts[i + 1]) / 2 : cuts[i] + 1;
                    };
                }
                values[r * columns + c] = value;
            }
        }
        return values;
    }

    private static IllegalStateException disagreement(String version, String what, int row, float java,
                                                      float xgboost) {
        return new IllegalStateException("model " + version + ": Java scoring disagrees with xgboost4j on probe row "
                + row + " (" + what + " " + java + " vs " + xgboost + "); refusing to serve it");
    }
}
