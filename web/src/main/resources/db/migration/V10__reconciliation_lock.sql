-- Runs of adjacent days read each other's results (items carried to the next statement, runs already done), so the
-- runs of one channel record one at a time: each recording transaction locks its channel's row here first.
CREATE TABLE reconciliation_lock (
  channel  VARCHAR(32) NOT NULL PRIMARY KEY
);
INSERT INTO reconciliation_lock (channel) VALUES ('sandbox');

-- The sandbox channel dates statement rows by acceptance, as real channels do: a request first received busy before
-- midnight and accepted after it is on the next day's statement.
ALTER TABLE sandbox_channel_payout ADD COLUMN accepted_at DATETIME;
UPDATE sandbox_channel_payout SET accepted_at = created_at WHERE status <> 'BUSY';
CREATE INDEX ix_sandbox_channel_accepted ON sandbox_channel_payout (accepted_at);
