-- Repayment reminders and overdue notices: one row per installment and kind, so a kind is sent at most once, however
-- many nodes run the daily job or however often it is re-run. The row is claimed before the SMS goes out.
CREATE TABLE repayment_reminder (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  loan_id         VARCHAR(36)  NOT NULL,
  installment_seq INT          NOT NULL,
  kind            VARCHAR(20)  NOT NULL,
  amount_due      DECIMAL(12,2) NOT NULL,
  status          VARCHAR(12)  NOT NULL,
  created_at      DATETIME     NOT NULL,
  CONSTRAINT uk_repayment_reminder UNIQUE (loan_id, installment_seq, kind),
  CONSTRAINT fk_repayment_reminder_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
);
