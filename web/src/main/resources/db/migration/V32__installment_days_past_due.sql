-- The most days an installment has been past due (any principal or interest unpaid after its due date), kept by the
-- daily accrual. A loan that paid late still defaulted: the champion/challenger comparison's default rate reads
-- this, so a collected arrear does not vanish from an arm's record (issue 5, docs/adr/0012 addendum 2026-11-27).
-- Rows from before V32 start at 0; the comparison also counts any installment unpaid more than 30 days past due.
ALTER TABLE installment ADD COLUMN max_days_past_due INT NOT NULL DEFAULT 0;
