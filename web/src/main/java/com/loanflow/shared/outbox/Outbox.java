package com.loanflow.shared.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event in the transaction of the change it reports (ADR 0026): it is published if and only if the change
 * commits, however the broker fares; {@link OutboxRelay} publishes it afterwards. Events carry ids and codes only.
 */
@Component
public class Outbox {

    private final OutboxMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(OutboxMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the event for the exchange under the routing key; returns its message id. Events of one aggregate (an
     * application) are published in the order they were queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueue(String exchange, String routingKey, String aggregateId, Object event) {
        String eventId = Ids.newId();
        try {
            mapper.insert(eventId, aggregateId, exchange, routingKey, event.getClass().getName(), json.writeValueAsString(event),
                    LocalDateTime.now(clock));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " cannot be written", e);
        }
        return eventId;
    }
}
