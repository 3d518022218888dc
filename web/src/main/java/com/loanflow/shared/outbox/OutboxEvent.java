package com.loanflow.shared.outbox;

import java.time.LocalDateTime;

/** An event waiting in (or published from) the outbox. */
public record OutboxEvent(long seq, String eventId, String aggregateId, String exchangeName, String routingKey, String payloadType,
                          String payload, LocalDateTime createdAt, LocalDateTime nextAttemptAt, int attempts,
                          String lastError, LocalDateTime publishedAt) {
}
