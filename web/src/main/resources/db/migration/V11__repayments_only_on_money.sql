-- A repayment is applied only on money that arrived (docs/adr/0017-repayment-only-on-money-received.md): a card
-- withholding the channel confirmed, or a bank transfer that operations matched to the bank statement. The walking
-- skeleton's DIRECT method, applied on the borrower's word, is gone. Its rows keep a method of their own,
-- LEGACY_DIRECT, for finance to review: nothing proves that money arrived for them.
-- Each statement stands alone (MySQL commits DDL one statement at a time) and none depends on existing data.
ALTER TABLE repayment ADD COLUMN bank_reference VARCHAR(40);
ALTER TABLE repayment ADD COLUMN recorded_by VARCHAR(64);
-- A bank transfer is recorded by one operator and applied only when another approves it (or rejected): four eyes.
ALTER TABLE repayment ADD COLUMN decided_by VARCHAR(64);
-- One bank statement line pays one loan once, whichever loan or operator it is recorded against.
ALTER TABLE repayment ADD CONSTRAINT uk_repayment_bank_reference UNIQUE (bank_reference);
UPDATE repayment SET method = 'LEGACY_DIRECT' WHERE method = 'DIRECT';
ALTER TABLE repayment ALTER COLUMN method SET DEFAULT 'BANK_TRANSFER';

-- At most one withholding in flight per loan: open_loan_id is the loan id while REQUESTED or SENT and NULL once
-- final, so a second concurrent or later request cannot debit the card for money already being collected. Only
-- withholdings requested from now on take the slot: a loan may already have several open ones (nothing prevented
-- it before), and claiming slots for them here could make the unique key fail on existing data.
ALTER TABLE withholding ADD COLUMN open_loan_id VARCHAR(36);
ALTER TABLE withholding ADD CONSTRAINT uk_withholding_open UNIQUE (open_loan_id);

-- A final callback that contradicts the final callback already applied (FAILED, then SUCCEEDED) is evidence that
-- money moved against our record: kept here, once per (request, status), for operations; nothing is applied.
CREATE TABLE payment_callback_conflict (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  channel          VARCHAR(20)  NOT NULL,
  request_id       VARCHAR(40)  NOT NULL,
  applied_status   VARCHAR(24)  NOT NULL,
  status           VARCHAR(24)  NOT NULL,
  channel_txn_id   VARCHAR(64),
  failure_code     VARCHAR(40),
  received_at      DATETIME     NOT NULL,
  CONSTRAINT uk_payment_callback_conflict UNIQUE (channel, request_id, status)
);
