-- Account closure and erasure of personal data (docs/adr/0024-account-closure-and-erasure.md).
-- closed_at: the borrower closed the account (login and sessions end, phone and ID number free to register again).
-- retain_until: a borrower who had a loan keeps identity and transaction records until then (anti-money-laundering
-- retention, 5 years after the relationship ends); NULL when nothing had to be retained.
-- erased_at: the personal data columns of the borrower and of their applications, contracts, payouts and refunds
-- were cleared, identity images, credit reports and device events deleted, masked process variables removed.
ALTER TABLE borrower ADD COLUMN closed_at DATETIME;
ALTER TABLE borrower ADD COLUMN retain_until DATE;
ALTER TABLE borrower ADD COLUMN erased_at DATETIME;
-- the daily erasure job looks for closed accounts not yet erased
CREATE INDEX ix_borrower_erasure ON borrower (erased_at, closed_at);
-- erasure deletes, and the data export (ADR 0027) reads, a borrower's behaviour log
CREATE INDEX ix_device_event_borrower ON device_event (borrower_id, occurred_at);

-- erasure leaves these empty
ALTER TABLE borrower MODIFY phone_enc VARCHAR(255) NULL;
ALTER TABLE borrower MODIFY phone_idx CHAR(64) NULL;
ALTER TABLE borrower MODIFY phone_masked VARCHAR(20) NULL;
ALTER TABLE borrower MODIFY password_hash VARCHAR(100) NULL;
ALTER TABLE consent MODIFY client_ip VARCHAR(64) NULL;
ALTER TABLE loan_application MODIFY bank_card_enc VARCHAR(255) NULL;
ALTER TABLE loan_application MODIFY bank_card_idx CHAR(64) NULL;
ALTER TABLE loan_application MODIFY bank_card_masked VARCHAR(32) NULL;
ALTER TABLE loan_contract MODIFY pdf_enc LONGTEXT NULL;
ALTER TABLE disbursement MODIFY bank_card_enc VARCHAR(255) NULL;
