package com.loanflow.device;

import java.time.LocalDateTime;

/**
 * One row of the behaviour/device log: who did what from which device and network. The device id and IP are held
 * only as keyed hashes (equality is all fraud checks need); attributes is a JSON object of masked/coarse values.
 */
public record DeviceEvent(String id, String eventType, String borrowerId, String applicationId, String deviceIdx,
                          String ipIdx, String ipRegion, String attributes, LocalDateTime occurredAt) {

    public static final String APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED";
    public static final String LOGIN = "LOGIN";
}
