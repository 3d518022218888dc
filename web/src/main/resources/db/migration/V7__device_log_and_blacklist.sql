-- Behaviour/device log for fraud signals (docs/adr/0013-device-ip-signals.md), kept 180 days then purged by
-- DeviceLogRetention. The device id and client IP are personal information (PIPL): they are stored only as keyed
-- HMAC blind indexes (equality is all the fraud checks need); attributes holds masked or coarse values only.
-- JSON: MySQL's native type, MariaDB's LONGTEXT with a JSON_VALID check, H2's JSON type.
CREATE TABLE device_event (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  event_type      VARCHAR(32)  NOT NULL,
  borrower_id     VARCHAR(36)  NOT NULL,
  -- one submission row per application (a replayed Idempotency-Key records nothing new)
  application_id  VARCHAR(36),
  device_idx      CHAR(64),
  ip_idx          CHAR(64),
  ip_region       VARCHAR(64),
  attributes      JSON         NOT NULL,
  occurred_at     DATETIME     NOT NULL,
  CONSTRAINT uk_device_event_application UNIQUE (application_id)
);
CREATE INDEX ix_device_event_device ON device_event (device_idx, occurred_at);
CREATE INDEX ix_device_event_ip ON device_event (ip_idx, occurred_at);
CREATE INDEX ix_device_event_occurred ON device_event (occurred_at);

-- Blacklist entries show ops a masked value (the table holds only the keyed hash) and may be removed by id.
ALTER TABLE blacklist_entry ADD COLUMN masked_value VARCHAR(40);
CREATE INDEX ix_blacklist_created ON blacklist_entry (created_at);
