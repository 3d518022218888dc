-- Double-entry ledger on the lender's depository sub-accounts (docs/adr/0010-ledger.md).
-- One entry per business event: the UNIQUE business key makes a repeated posting a duplicate, not a second entry.
-- application_id ties an entry to one loan (the loan row exists only after the payout succeeded).

CREATE TABLE journal_entry (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  business_key    VARCHAR(80)   NOT NULL,
  application_id  VARCHAR(36),
  description     VARCHAR(255)  NOT NULL,
  occurred_at     DATETIME      NOT NULL,
  CONSTRAINT uk_journal_entry_business_key UNIQUE (business_key)
);
CREATE INDEX ix_journal_entry_application ON journal_entry (application_id);

CREATE TABLE journal_line (
  id        VARCHAR(36)    NOT NULL PRIMARY KEY,
  entry_id  VARCHAR(36)    NOT NULL,
  account   VARCHAR(40)    NOT NULL,
  side      VARCHAR(6)     NOT NULL,
  amount    DECIMAL(14,2)  NOT NULL,
  CONSTRAINT ck_journal_line_side CHECK (side IN ('DEBIT', 'CREDIT')),
  CONSTRAINT ck_journal_line_amount CHECK (amount > 0),
  CONSTRAINT fk_journal_line_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id)
);
CREATE INDEX ix_journal_line_account ON journal_line (account, entry_id);
