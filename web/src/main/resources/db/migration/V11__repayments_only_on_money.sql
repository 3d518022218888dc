-- A repayment is applied only on money that arrived (docs/adr/0017-repayment-only-on-money-received.md): a card
-- withholding the channel confirmed, or a bank transfer that operations matched to the bank statement. The walking
-- skeleton's DIRECT method, applied on the borrower's word, is gone; its rows were bank transfers in the sandbox.
ALTER TABLE repayment ADD COLUMN bank_reference VARCHAR(40);
ALTER TABLE repayment ADD COLUMN recorded_by VARCHAR(64);
-- One bank statement line pays one loan once, whichever loan or operator it is recorded against.
ALTER TABLE repayment ADD CONSTRAINT uk_repayment_bank_reference UNIQUE (bank_reference);
UPDATE repayment SET method = 'BANK_TRANSFER' WHERE method = 'DIRECT';
ALTER TABLE repayment ALTER COLUMN method SET DEFAULT 'BANK_TRANSFER';

-- At most one withholding in flight per loan: open_loan_id is the loan id while REQUESTED or SENT and NULL once
-- final, so a second concurrent or later request cannot debit the card for money already being collected.
ALTER TABLE withholding ADD COLUMN open_loan_id VARCHAR(36);
UPDATE withholding SET open_loan_id = loan_id WHERE status IN ('REQUESTED', 'SENT');
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
