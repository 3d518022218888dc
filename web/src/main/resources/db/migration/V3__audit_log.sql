-- Append-only audit trail of sensitive actions (review decisions, blacklist changes, reveals ...), each entry chained
-- by SHA-256 to the one before (see AuditLog and docs/adr/0007). details holds masked values only.
-- seq is assigned under the chain lock, so it has no gaps: a missing number is a deleted entry. (AUTO_INCREMENT
-- would leave gaps on every rolled-back transaction and hide a deletion among them.)
-- The application needs only INSERT and SELECT on these tables; grant no more in production.

CREATE TABLE audit_log (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  seq           BIGINT       NOT NULL,
  occurred_at   DATETIME     NOT NULL,
  actor         VARCHAR(64)  NOT NULL,
  action        VARCHAR(40)  NOT NULL,
  subject_type  VARCHAR(40)  NOT NULL,
  subject_id    VARCHAR(64)  NOT NULL,
  details       TEXT         NOT NULL,
  prev_hash     CHAR(64)     NOT NULL,
  hash          CHAR(64)     NOT NULL,
  CONSTRAINT uk_audit_log_seq UNIQUE (seq)
);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_type, subject_id);

-- One row, never changed: appenders lock it (SELECT ... FOR UPDATE) so the chain stays linear, even when empty.
CREATE TABLE audit_log_lock (
  id INT NOT NULL PRIMARY KEY
);
INSERT INTO audit_log_lock (id) VALUES (1);
