package com.loanflow.shared.outbox;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.ApplicationStatusChanged;
import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.payment.DisbursingApplication;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox (ADR 0026) against the real broker and database: an event exists only if its transaction commits, is
 * published once the broker confirms it, waits while the broker cannot be reached and goes out afterwards; the
 * borrower notifier acts on a redelivered event once.
 */
class OutboxTest extends RunningPlatform {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxMapper mapper;

    @Autowired
    OutboxRelay relay;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin amqp;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    OutboxHousekeeping housekeeping;

    @Test
    void anEventExistsOnlyIfItsTransactionCommitsAndIsPublishedWithItsMessageId() throws Exception {
        String routingKey = "outbox-test." + UUID.randomUUID();
        String tap = tap(routingKey);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ApplicationStatusChanged event = new ApplicationStatusChanged("app-" + UUID.randomUUID(), "borrower-x",
                ApplicationStatus.REJECTED, "R_AGE", Instant.now());

        String rolledBack = tx.execute(status -> {
            String id = outbox.enqueue(ApplicationStatusChanged.EXCHANGE, routingKey, event.applicationId(), event);
            status.setRollbackOnly();
            return id;
        });
        String committed = tx.execute(status -> outbox.enqueue(ApplicationStatusChanged.EXCHANGE, routingKey,
                event.applicationId(), event));

        assertThat(mapper.findByEventId(rolledBack)).as("rolled back with its change").isEmpty();
        DisbursingApplication.await("the relay publishes the committed event",
                () -> mapper.findByEventId(committed).orElseThrow().publishedAt() != null);
        Message published = rabbit.receive(tap, 5_000);
        assertThat(published).isNotNull();
        assertThat(published.getMessageProperties().getMessageId()).isEqualTo(committed);
        assertThat(published.getMessageProperties().getReceivedRoutingKey()).isEqualTo(routingKey);
        assertThat(new String(published.getBody(), StandardCharsets.UTF_8))
                .contains(event.applicationId()).contains("\"status\":\"REJECTED\"");
        assertThat(rabbit.receive(tap, 1_000)).as("published once").isNull();
        assertThat(mapper.findByEventId(committed).orElseThrow().attempts()).isOne();
        amqp.deleteQueue(tap);
    }

    /**
     * Two events of one application: the first cannot reach the broker, so it keeps its error and a retry time, and
     * the second, although due, waits behind it; once the broker answers they go out in the order they were written.
     * The relays here see only this test's aggregate (the platform's own relay leaves the first event alone for an
     * hour, and the second waits behind it), so nothing else in the shared database is touched.
     */
    @Test
    void whileTheBrokerCannotBeReachedEventsWaitAndGoOutAfterwardsInOrder() {
        String routingKey = "outbox-test." + UUID.randomUUID();
        String aggregate = "outbox-test-" + UUID.randomUUID();
        String tap = tap(routingKey);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        String first = insertEvent(aggregate, routingKey, now, now.plusHours(1));
        String second = insertEvent(aggregate, routingKey, now, now);

        OutboxRelay onTime = new OutboxRelay(mapper, rabbit, clockAt(now.plusMinutes(1)), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(10));
        assertThat(onTime.relayDueFor(aggregate)).as("the second waits behind the first").isZero();
        assertThat(mapper.findByEventId(second).orElseThrow().publishedAt()).isNull();

        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        nowhere.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        nowhere.setConnectionTimeout(2_000);
        try {
            OutboxRelay unreachable = new OutboxRelay(mapper, new RabbitTemplate(nowhere), clockAt(now.plusHours(1)),
                    Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(2));
            assertThat(unreachable.relayDueFor(aggregate)).isZero();
            assertThat(unreachable.relayDueFor(aggregate)).as("paused after the failure: no second attempt").isZero();
        } finally {
            nowhere.destroy();
        }
        OutboxEvent waiting = mapper.findByEventId(first).orElseThrow();
        assertThat(waiting.publishedAt()).isNull();
        assertThat(waiting.attempts()).isOne();
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).as("retried after a backoff").isAfter(now.plusHours(1));
        assertThat(mapper.findByEventId(second).orElseThrow().attempts()).as("never tried out of order").isZero();
        assertThat(rabbit.receive(tap, 500)).isNull();

        OutboxRelay reachable = new OutboxRelay(mapper, rabbit, clockAt(now.plusHours(2)), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(10));
        assertThat(reachable.relayDueFor(aggregate) + reachable.relayDueFor(aggregate)).isEqualTo(2);
        OutboxEvent published = mapper.findByEventId(first).orElseThrow();
        assertThat(published.publishedAt()).isNotNull();
        assertThat(published.attempts()).isEqualTo(2);
        assertThat(published.lastError()).isNull();
        Message one = rabbit.receive(tap, 5_000);
        Message two = rabbit.receive(tap, 5_000);
        assertThat(one.getMessageProperties().getMessageId()).isEqualTo(first);
        assertThat(two.getMessageProperties().getMessageId()).isEqualTo(second);
        assertThat(reachable.relayDueFor(aggregate)).as("nothing left").isZero();
        amqp.deleteQueue(tap);
    }

    @Test
    void housekeepingDeletesOnlyWhatWasPublishedOrHandledLongAgo() {
        String aggregate = "outbox-test-" + UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        String oldPublished = insertEvent(aggregate, "outbox-test.old", now.minusDays(9), now.minusDays(9));
        String recentPublished = insertEvent(aggregate, "outbox-test.recent", now.minusDays(2), now.minusDays(2));
        String oldUnpublished = insertEvent("outbox-test-" + UUID.randomUUID(), "outbox-test.waiting",
                now.minusDays(9), now.plusYears(1));
        jdbc.update("UPDATE outbox_event SET published_at = ? WHERE event_id = ?", now.minusDays(8), oldPublished);
        jdbc.update("UPDATE outbox_event SET published_at = ? WHERE event_id = ?", now.minusDays(2), recentPublished);
        String oldHandled = UUID.randomUUID().toString();
        String recentHandled = UUID.randomUUID().toString();
        mapper.insertHandled("outbox-test", oldHandled, now.minusDays(8));
        mapper.insertHandled("outbox-test", recentHandled, now.minusDays(1));

        OutboxHousekeeping.Result result = housekeeping.deleteOlderThanRetention();

        assertThat(result.events()).isPositive();
        assertThat(mapper.findByEventId(oldPublished)).isEmpty();
        assertThat(mapper.findByEventId(recentPublished)).isPresent();
        assertThat(mapper.findByEventId(oldUnpublished)).as("never published: kept however old").isPresent();
        assertThat(jdbc.queryForList("SELECT message_id FROM handled_message WHERE consumer = 'outbox-test'",
                String.class)).contains(recentHandled).doesNotContain(oldHandled);
        jdbc.update("DELETE FROM outbox_event WHERE event_id = ?", oldUnpublished);
    }

    private String insertEvent(String aggregate, String routingKey, LocalDateTime createdAt, LocalDateTime due) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO outbox_event (event_id, aggregate_id, exchange_name, routing_key, payload_type, payload,"
                + " created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, '{\"applicationId\":\"outbox-test\"}', ?, ?)",
                eventId, aggregate, ApplicationStatusChanged.EXCHANGE, routingKey,
                ApplicationStatusChanged.class.getName(), createdAt, due);
        return eventId;
    }

    @Test
    void theBorrowerIsToldOnceWhenTheSameEventIsDeliveredTwice() throws Exception {
        PlatformHttp http = new PlatformHttp(port);
        String phone = PlatformHttp.beijingPhone();
        String token = http.onboard(phone, PlatformHttp.beijingIdNumber());
        String borrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json().path("borrowerId").asText();
        String applicationId = "app-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        send(new ApplicationStatusChanged(applicationId, borrowerId, ApplicationStatus.REJECTED, "R_AGE", Instant.now()),
                eventId);
        DisbursingApplication.await("the first delivery's SMS", () -> messages(http, phone, "未通过") == 1);
        send(new ApplicationStatusChanged(applicationId, borrowerId, ApplicationStatus.REJECTED, "R_AGE", Instant.now()),
                eventId);
        // a later event, handled after the redelivery by the same single consumer
        send(new ApplicationStatusChanged(applicationId, borrowerId, ApplicationStatus.SETTLED, null, Instant.now()),
                UUID.randomUUID().toString());
        DisbursingApplication.await("the later event's SMS", () -> messages(http, phone, "结清") == 1);

        assertThat(messages(http, phone, "未通过")).as("the redelivered event sent nothing").isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handled_message WHERE message_id = ?", Integer.class,
                eventId)).isOne();
    }

    private void send(ApplicationStatusChanged event, String messageId) {
        rabbit.convertAndSend(ApplicationStatusChanged.EXCHANGE, event.routingKey(), event, message -> {
            MessageProperties properties = message.getMessageProperties();
            properties.setMessageId(messageId);
            return message;
        });
    }

    private static int messages(PlatformHttp http, String phone, String containing) {
        List<String> bodies = new ArrayList<>();
        for (JsonNode message : http.send("GET", "/sandbox/sms-outbox?phone=" + phone, Map.of(), null).json()) {
            bodies.add(message.path("body").asText());
        }
        return (int) bodies.stream().filter(body -> body.contains(containing)).count();
    }

    private String tap(String routingKey) {
        String name = "outbox-test-tap-" + UUID.randomUUID();
        Queue queue = new Queue(name, false, false, false);   // not auto-delete: receive() consumes and cancels
        amqp.declareQueue(queue);
        amqp.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(ApplicationStatusChanged.EXCHANGE))
                .with(routingKey));
        return name;
    }

    private static Clock clockAt(LocalDateTime at) {
        return Clock.fixed(at.atZone(java.time.ZoneId.systemDefault()).toInstant(), java.time.ZoneId.systemDefault());
    }
}
