-- Transactional outbox (docs/adr/0026-transactional-outbox.md): an event is written in the transaction of the change it
-- reports and published to RabbitMQ afterwards by OutboxRelay, with publisher confirms, until the broker confirms it.
-- seq orders events as they were written; event_id is the AMQP message id consumers deduplicate on; an event is not
-- published while an earlier one of the same aggregate (the application) is unpublished.
CREATE TABLE outbox_event (
  seq              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id         VARCHAR(36)  NOT NULL,
  aggregate_id     VARCHAR(64)  NOT NULL,
  exchange_name    VARCHAR(64)  NOT NULL,
  routing_key      VARCHAR(128) NOT NULL,
  payload_type     VARCHAR(200) NOT NULL,
  payload          TEXT         NOT NULL,
  created_at       DATETIME     NOT NULL,
  next_attempt_at  DATETIME     NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  last_error       VARCHAR(255),
  published_at     DATETIME,
  CONSTRAINT uk_outbox_event UNIQUE (event_id)
);
CREATE INDEX ix_outbox_due ON outbox_event (published_at, next_attempt_at);
CREATE INDEX ix_outbox_aggregate ON outbox_event (aggregate_id, published_at, seq);

-- Messages a consumer has handled, by message id: a redelivered event (at-least-once) is not acted on twice.
CREATE TABLE handled_message (
  consumer     VARCHAR(64)  NOT NULL,
  message_id   VARCHAR(36)  NOT NULL,
  handled_at   DATETIME     NOT NULL,
  CONSTRAINT pk_handled_message PRIMARY KEY (consumer, message_id)
);
CREATE INDEX ix_handled_message_at ON handled_message (handled_at);
