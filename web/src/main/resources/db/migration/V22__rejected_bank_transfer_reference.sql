-- A bank statement line recorded against the wrong loan, amount or value date is rejected and recorded again
-- correctly: the rejected row must not hold its reference (uk_repayment_bank_reference) nor a key the correct record
-- needs. A rejected row keeps its reference in rejected_bank_reference, for the audit trail and the operators' view.
-- Bank transfers' idempotency keys become 'BANK:' + the row's id: the borrower's keys ([A-Za-z0-9_-]) cannot contain
-- a colon, so a borrower's key can no longer take the one a statement line needs ('BANK-' + reference could).
-- Each statement stands alone (MySQL commits DDL one statement at a time); the updates are safe to re-run.
ALTER TABLE repayment ADD COLUMN rejected_bank_reference VARCHAR(40);
UPDATE repayment SET rejected_bank_reference = bank_reference WHERE method = 'BANK_TRANSFER' AND status = 'REJECTED'
   AND bank_reference IS NOT NULL;
UPDATE repayment SET bank_reference = NULL WHERE method = 'BANK_TRANSFER' AND status = 'REJECTED';
UPDATE repayment SET idempotency_key = CONCAT('BANK:', id) WHERE method = 'BANK_TRANSFER';
