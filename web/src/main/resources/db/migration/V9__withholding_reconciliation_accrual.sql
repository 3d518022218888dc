-- Withholding, reconciliation, APR as IRR, fees, interest accrual and overdue penalties
-- (docs/adr/0015-reconciliation-and-withholding.md). Exactly-once stays a database fact: see the UNIQUE keys.

-- The contract fixes the service fee and the APR disclosed as the IRR of the cash flows.
ALTER TABLE loan_contract ADD COLUMN service_fee DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE loan_contract ADD COLUMN irr_apr_percent DECIMAL(7,2);

-- A fee is deducted from the payout: amount is what reaches the card, fee_amount what the lender keeps.
ALTER TABLE disbursement ADD COLUMN fee_amount DECIMAL(12,2) NOT NULL DEFAULT 0;

ALTER TABLE loan ADD COLUMN service_fee DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE loan ADD COLUMN irr_apr_percent DECIMAL(7,2);
ALTER TABLE loan ADD COLUMN outstanding_penalty DECIMAL(12,2) NOT NULL DEFAULT 0;

-- interest_recognised: interest already income, by daily accrual or on receipt; never above interest_due.
ALTER TABLE installment ADD COLUMN interest_recognised DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE installment ADD COLUMN penalty_due DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE installment ADD COLUMN penalty_paid DECIMAL(12,2) NOT NULL DEFAULT 0;

ALTER TABLE repayment ADD COLUMN penalty_part DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE repayment ADD COLUMN method VARCHAR(20) NOT NULL DEFAULT 'DIRECT';

-- One row per day per loan: the accrual job can run any number of times, a day accrues once.
CREATE TABLE loan_accrual (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  loan_id       VARCHAR(36)   NOT NULL,
  accrual_date  DATE          NOT NULL,
  interest      DECIMAL(12,2) NOT NULL,
  penalty       DECIMAL(12,2) NOT NULL,
  created_at    DATETIME      NOT NULL,
  CONSTRAINT uk_loan_accrual_day UNIQUE (loan_id, accrual_date),
  CONSTRAINT fk_loan_accrual_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
);

-- Repayment by withholding from the borrower's card at the channel: one attempt per (loan, installment, attempt).
CREATE TABLE withholding (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  repayment_id     VARCHAR(36)   NOT NULL,
  loan_id          VARCHAR(36)   NOT NULL,
  installment_seq  INT           NOT NULL,
  attempt          INT           NOT NULL,
  request_id       VARCHAR(40)   NOT NULL,
  channel          VARCHAR(20)   NOT NULL,
  amount           DECIMAL(12,2) NOT NULL,
  status           VARCHAR(24)   NOT NULL,
  channel_txn_id   VARCHAR(64),
  failure_code     VARCHAR(40),
  created_at       DATETIME      NOT NULL,
  updated_at       DATETIME      NOT NULL,
  version          INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_withholding_attempt UNIQUE (loan_id, installment_seq, attempt),
  CONSTRAINT uk_withholding_request UNIQUE (request_id),
  CONSTRAINT uk_withholding_repayment UNIQUE (repayment_id),
  CONSTRAINT fk_withholding_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
  CONSTRAINT fk_withholding_repayment FOREIGN KEY (repayment_id) REFERENCES repayment (id)
);
CREATE INDEX ix_withholding_created ON withholding (created_at);
CREATE INDEX ix_disbursement_created ON disbursement (created_at);

-- Daily reconciliation against the channel's statement: one run per statement date, one row per mismatch.
CREATE TABLE reconciliation_run (
  id                VARCHAR(36)  NOT NULL PRIMARY KEY,
  statement_date    DATE         NOT NULL,
  channel           VARCHAR(20)  NOT NULL,
  statement_sha256  CHAR(64)     NOT NULL,
  channel_rows      INT          NOT NULL,
  our_rows          INT          NOT NULL,
  mismatches        INT          NOT NULL,
  ran_at            DATETIME     NOT NULL,
  CONSTRAINT uk_reconciliation_run UNIQUE (channel, statement_date)
);

CREATE TABLE reconciliation_mismatch (
  id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
  run_id               VARCHAR(36)  NOT NULL,
  request_id           VARCHAR(40)  NOT NULL,
  kind                 VARCHAR(32)  NOT NULL,
  our_side             VARCHAR(255) NOT NULL,
  channel_side         VARCHAR(255) NOT NULL,
  process_instance_id  VARCHAR(64),
  resolution           VARCHAR(32),
  resolved_by          VARCHAR(64),
  CONSTRAINT uk_reconciliation_mismatch UNIQUE (run_id, request_id),
  CONSTRAINT fk_reconciliation_mismatch_run FOREIGN KEY (run_id) REFERENCES reconciliation_run (id)
);

-- The sandbox channel keeps payouts and withholdings in one store; its statement lists both.
ALTER TABLE sandbox_channel_payout ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'PAYOUT';
CREATE INDEX ix_sandbox_channel_created ON sandbox_channel_payout (created_at);

-- Loans repaid before V9 recognised interest on receipt: that is what they recognised.
UPDATE installment SET interest_recognised = interest_paid;
