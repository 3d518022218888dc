-- When the borrower's identity (name and ID number) first passed an application's checks. From then on the account's
-- identity never changes (its loans and records are that person's): photos may be submitted again, for the same
-- name and ID number only. Borrowers verified before this column: those VERIFIED now or with a risk decision (taken
-- only after the identity checks passed).
ALTER TABLE borrower ADD COLUMN identity_verified_at DATETIME;
UPDATE borrower SET identity_verified_at = created_at
 WHERE verification_status = 'VERIFIED'
    OR id IN (SELECT a.borrower_id FROM loan_application a JOIN risk_decision d ON d.application_id = a.id);
