package com.loanflow.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * REQUESTED → SENT → SUCCEEDED / FAILED. A callback may overtake the worker's "sent" report, so REQUESTED may
 * also end directly.
 */
public enum DisbursementStatus {
    REQUESTED, SENT, SUCCEEDED, FAILED;

    private static final Map<DisbursementStatus, Set<DisbursementStatus>> ALLOWED = Map.of(
            REQUESTED, EnumSet.of(SENT, SUCCEEDED, FAILED),
            SENT, EnumSet.of(SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.noneOf(DisbursementStatus.class),
            FAILED, EnumSet.noneOf(DisbursementStatus.class));

    public boolean canMoveTo(DisbursementStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }
}
