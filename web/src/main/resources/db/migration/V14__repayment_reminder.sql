-- Repayment reminders and overdue notices: one row per installment, due date and kind, so a kind is sent at most once
-- (however many nodes run the daily job or however often it is re-run), and again only if the due date moves. The
-- row is claimed (CLAIMED) before the SMS goes out and marked SENT or FAILED after; a CLAIMED row older than an hour
-- means a run was interrupted between the two (the job warns about them).
CREATE TABLE repayment_reminder (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  loan_id         VARCHAR(36)   NOT NULL,
  installment_seq INT           NOT NULL,
  due_date        DATE          NOT NULL,
  kind            VARCHAR(20)   NOT NULL,
  amount_due      DECIMAL(12,2) NOT NULL,
  status          VARCHAR(12)   NOT NULL,
  created_at      DATETIME      NOT NULL,
  decided_at      DATETIME,
  CONSTRAINT uk_repayment_reminder UNIQUE (loan_id, installment_seq, due_date, kind),
  CONSTRAINT fk_repayment_reminder_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
);
CREATE INDEX ix_repayment_reminder_status ON repayment_reminder (status, created_at);
