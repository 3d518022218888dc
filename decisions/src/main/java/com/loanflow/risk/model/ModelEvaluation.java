package com.loanflow.risk.model;

import com.loanflow.risk.model.GmscData.LabeledReport;
import com.loanflow.risk.model.TaiwanData.LabeledCardHolder;

import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** Back-tests a model on labelled rows: AUC, KS and Gini, the figures the evaluate command and the card report. */
public final class ModelEvaluation {

    /** Which rows of a file to score. TRAIN and VALIDATION are the trainer's seeded stratified split of the file. */
    public enum Split {
        ALL, TRAIN, VALIDATION;

        public static Split parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    public record Result(double auc, double ks, int n, int defaults) {
        public double gini() {
            return 2 * auc - 1;
        }

        /** The evaluate command's last line, e.g. {@code AUC=0.8623 KS=0.5712 n=24000}. */
        public String line() {
            return String.format(Locale.ROOT, "AUC=%.4f KS=%.4f n=%d", auc, ks, n);
        }
    }

    private ModelEvaluation() {
    }

    /** The rows of a split exactly as {@link TrainDefaultModel} carves it (same seed, same file order). */
    public static List<LabeledReport> select(List<LabeledReport> rows, Split split) {
        return select(rows, split, LabeledReport::defaulted);
    }

    /** The same for any labelled rows (the Taiwan file): the trainer's seeded stratified split by label. */
    public static <T> List<T> select(List<T> rows, Split split, ToIntFunction<T> label) {
        return switch (split) {
            case ALL -> rows;
            case TRAIN -> TrainDefaultModel.stratifiedSplit(rows, label, TrainDefaultModel.SPLIT_SEED).get(0);
            case VALIDATION -> TrainDefaultModel.stratifiedSplit(rows, label, TrainDefaultModel.SPLIT_SEED).get(1);
        };
    }

    public static Result evaluate(DefaultProbabilityModel model, List<LabeledReport> rows) {
        float[] pd = model.defaultProbabilities(rows.stream().map(LabeledReport::report).toList());
        return of(pd, TrainDefaultModel.labels(rows));
    }

    public static Result evaluate(TaiwanDefaultModel model, List<LabeledCardHolder> rows) {
        float[] pd = model.defaultProbabilities(rows.stream().map(LabeledCardHolder::holder).toList());
        return of(pd, rows.stream().mapToInt(LabeledCardHolder::defaulted).toArray());
    }

    public static Result of(float[] pd, int[] labels) {
        int defaults = 0;
        for (int label : labels) {
            defaults += label;
        }
        return new Result(Auc.of(pd, labels), Ks.of(pd, labels), labels.length, defaults);
    }
}
