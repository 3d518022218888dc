-- A bureau's own report (not the sandbox's few fields) runs to hundreds of kilobytes, sealed and base64-encoded
-- more: TEXT holds 65,535 bytes and strict mode refuses a longer value (error 1406), which would fail the
-- assessment. MEDIUMTEXT holds 16 MiB. Outbox payloads carry such facts onwards, so they get the same room.
ALTER TABLE credit_report MODIFY report_enc MEDIUMTEXT NOT NULL;
ALTER TABLE outbox_event MODIFY payload MEDIUMTEXT NOT NULL;
