package com.loanflow.shared.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox events, each until the broker confirms it (publisher confirms): at least once, so consumers
 * deduplicate on the message id. An event is published only when it is the first unpublished event of its aggregate,
 * so events of one application keep their order. Each is claimed for one attempt with a lease in the database, so
 * platform nodes do not publish it at the same time. When the broker fails, the event records the error and this
 * relay pauses as a whole (1 s doubling to {@code loanflow.outbox.max-backoff}) instead of trying every event in turn.
 * All nodes must share one time zone, as every DATETIME column of the platform assumes.
 */
@Component
public class OutboxRelay {

    static final String TYPE_ID_HEADER = "__TypeId__";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMapper mapper;
    private final RabbitTemplate rabbit;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxBackoff;
    private final Duration confirmTimeout;
    /** While the broker fails: no attempt before this, and how many attempts failed in a row. */
    private volatile java.time.Instant pausedUntil = java.time.Instant.MIN;
    private int failuresInARow;

    @Autowired
    OutboxRelay(OutboxMapper mapper, RabbitTemplate rabbit, Clock clock,
                @Value("${loanflow.outbox.lease:PT30S}") Duration lease,
                @Value("${loanflow.outbox.max-backoff:PT5M}") Duration maxBackoff) {
        this(mapper, rabbit, clock, lease, maxBackoff, Duration.ofSeconds(10));
    }

    /** For tests: a relay publishing through another template (a broker that cannot be reached). */
    public OutboxRelay(OutboxMapper mapper, RabbitTemplate rabbit, Clock clock, Duration lease, Duration maxBackoff,
                       Duration confirmTimeout) {
        this.mapper = mapper;
        this.rabbit = rabbit;
        this.clock = clock;
        this.lease = lease;
        this.maxBackoff = maxBackoff;
        this.confirmTimeout = confirmTimeout;
    }

    @Scheduled(fixedDelayString = "${loanflow.outbox.poll-interval:PT0.5S}")
    void scheduledRelay() {
        try {
            relayDue();
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed: {}", e.toString());
        }
    }

    /** Publishes the due events (up to 100); returns how many the broker confirmed. */
    public int relayDue() {
        return relay(null);
    }

    /** The same for one aggregate's events only (an application's), e.g. to retry them at once. */
    public int relayDueFor(String aggregateId) {
        return relay(aggregateId);
    }

    private synchronized int relay(String aggregateId) {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        int published = 0;
        for (OutboxEvent event : mapper.findDue(LocalDateTime.now(clock), aggregateId, 100)) {
            LocalDateTime now = LocalDateTime.now(clock);   // per claim: a slow batch must not hand out expired leases
            if (mapper.claim(event.seq(), now, now.plus(lease)) != 1) {
                continue;   // another node has it (its aggregate's later events wait for it), or it was published
            }
            try {
                publish(event);
            } catch (RuntimeException e) {
                Duration backoff = backoff(++failuresInARow);
                pausedUntil = clock.instant().plus(backoff);
                mapper.markFailed(event.seq(), truncate(e.toString()), LocalDateTime.now(clock).plus(backoff));
                log.warn("Event {} ({}) not published, attempt {}; relay paused for {}: {}", event.eventId(),
                        event.routingKey(), event.attempts() + 1, backoff, e.toString());
                break;
            }
            failuresInARow = 0;
            mapper.markPublished(event.seq(), LocalDateTime.now(clock));
            published++;
        }
        return published;
    }

    private void publish(OutboxEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(event.eventId());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setHeader(TYPE_ID_HEADER, event.payloadType());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setTimestamp(Date.from(event.createdAt().atZone(ZoneId.systemDefault()).toInstant()));
        Message message = new Message(event.payload().getBytes(StandardCharsets.UTF_8), properties);
        rabbit.invoke(operations -> {
            operations.send(event.exchangeName(), event.routingKey(), message);
            operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
            return null;
        });
    }

    private Duration backoff(int failures) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(failures - 1, 20));
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    private static String truncate(String error) {
        return error.length() <= 255 ? error : error.substring(0, 255);
    }
}
