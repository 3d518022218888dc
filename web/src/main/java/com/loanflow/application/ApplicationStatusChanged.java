package com.loanflow.application;

import java.time.Instant;

/**
 * Published on the loanflow.events exchange through the outbox once the status change commits (ADR 0026). Ids and
 * codes only, no personal data.
 */
public record ApplicationStatusChanged(String applicationId, String borrowerId, ApplicationStatus status,
                                      String reasonCodes, Instant occurredAt) {

    public static final String EXCHANGE = "loanflow.events";

    public String routingKey() {
        return "application.status." + status;
    }
}
