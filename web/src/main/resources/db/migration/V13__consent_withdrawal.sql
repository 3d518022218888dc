-- A borrower may withdraw a consent (PIPL art. 15). The consent row stays as the evidence of what was agreed and
-- when; the withdrawal is written beside it, once (time, client IP, user agent). A later consent is a new row.
ALTER TABLE consent ADD COLUMN withdrawn_at DATETIME;
ALTER TABLE consent ADD COLUMN withdrawal_ip VARCHAR(64);
ALTER TABLE consent ADD COLUMN withdrawal_user_agent VARCHAR(255);
