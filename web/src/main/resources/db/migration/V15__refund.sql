-- Money a loan did not owe (repayment REFUND_DUE) goes back to the borrower by a bank transfer from the lender's
-- account, with four eyes: one operator records the outgoing transfer from the bank statement (PENDING), another
-- approves it (PAID: the repayment becomes REFUNDED and the ledger clears the payable) or rejects it (REJECTED).
-- open_repayment_id holds the repayment id while the refund is PENDING or PAID, NULL once REJECTED: a repayment has at
-- most one refund that is not rejected. The outgoing transfer's bank reference counts once among the refunds that are
-- not rejected (open_bank_reference, likewise): a line recorded against the wrong repayment and rejected can be
-- recorded again against the right one.
CREATE TABLE refund (
  id                VARCHAR(36)   NOT NULL PRIMARY KEY,
  repayment_id      VARCHAR(36)   NOT NULL,
  open_repayment_id VARCHAR(36),
  loan_id           VARCHAR(36)   NOT NULL,
  amount            DECIMAL(12,2) NOT NULL,
  bank_reference    VARCHAR(40)   NOT NULL,
  open_bank_reference VARCHAR(40),
  status            VARCHAR(12)   NOT NULL,
  recorded_by       VARCHAR(64)   NOT NULL,
  recorded_at       DATETIME      NOT NULL,
  decided_by        VARCHAR(64),
  decided_at        DATETIME,
  reason            VARCHAR(255),
  CONSTRAINT uk_refund_open_repayment UNIQUE (open_repayment_id),
  CONSTRAINT uk_refund_open_bank_reference UNIQUE (open_bank_reference),
  CONSTRAINT fk_refund_repayment FOREIGN KEY (repayment_id) REFERENCES repayment (id)
);
