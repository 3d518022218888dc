package com.loanflow.device;

import java.time.LocalDateTime;

/**
 * One row of the behaviour/device log: who did what from which device and network. The device id and IP are held
 * only as keyed hashes (equality is all fraud checks need); attributes is a JSON object of masked/coarse values.
 */
public record DeviceEvent(String id, String eventType, String borrowerId, String applicationId, String deviceIdx,
                          String ipIdx, String ipRegion, String attributes, LocalDateTime occurredAt) {

    public static final String APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED";
    /**
     * The borrower id of a row unlinked from an erased account: this prefix and random hex, one stand-in per
     * erasure (ADR 0024 addendum 2026-11-27). Such rows are kept only while a fraud signal counts them.
     */
    public static final String UNLINKED_PREFIX = "erased-";

    /** A fresh stand-in borrower id for the rows of one erased account (36 characters, like a borrower id). */
    public static String unlinkedBorrowerId() {
        return UNLINKED_PREFIX + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 29);
    }
    public static final String LOGIN = "LOGIN";
}
