package com.loanflow.risk.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Kolmogorov-Smirnov statistic of a score: the largest gap max |TPR - FPR| between the cumulative score
 * distributions of defaulters and non-defaulters, over every threshold. Tied scores move together (a threshold
 * cannot split them), so the statistic does not depend on the order of equal scores.
 */
public final class Ks {

    private Ks() {
    }

    public static double of(float[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("KS needs both classes");
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long truePositives = 0;
        long falsePositives = 0;
        double best = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]] == 1) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                j++;
            }
            best = Math.max(best, Math.abs((double) truePositives / positives - (double) falsePositives / negatives));
            i = j;
        }
        return best;
    }
}
