package com.loanflow.application;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The application's state machine: every allowed transition is listed here and nowhere else. */
public enum ApplicationStatus {
    SUBMITTED, VERIFYING, ASSESSING, IN_REVIEW, APPROVED, CONTRACT_SIGNED, DISBURSING, ACTIVE, SETTLED,
    REJECTED, CANCELLED, DISBURSEMENT_FAILED;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.ofEntries(
            Map.entry(SUBMITTED, EnumSet.of(VERIFYING, CANCELLED)),
            Map.entry(VERIFYING, EnumSet.of(ASSESSING, REJECTED, CANCELLED)),
            Map.entry(ASSESSING, EnumSet.of(APPROVED, IN_REVIEW, REJECTED, CANCELLED)),
            Map.entry(IN_REVIEW, EnumSet.of(APPROVED, REJECTED, CANCELLED)),
            Map.entry(APPROVED, EnumSet.of(CONTRACT_SIGNED, CANCELLED)),
            Map.entry(CONTRACT_SIGNED, EnumSet.of(DISBURSING)),
            Map.entry(DISBURSING, EnumSet.of(ACTIVE, DISBURSEMENT_FAILED)),
            Map.entry(ACTIVE, EnumSet.of(SETTLED)),
            Map.entry(SETTLED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(REJECTED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(DISBURSEMENT_FAILED, EnumSet.noneOf(ApplicationStatus.class)));

    public boolean canMoveTo(ApplicationStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** An application that is not closed blocks a new one (an ACTIVE loan counts as open). */
    public boolean isOpen() {
        return !ALLOWED.get(this).isEmpty();
    }
}
