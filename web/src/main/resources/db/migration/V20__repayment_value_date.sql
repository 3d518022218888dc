-- The day money reached the lender (docs/adr/0028-value-dated-bank-transfers.md): a bank transfer takes the value
-- date of its statement line, a card withholding the day the channel confirmed it. Overdue interest accrued after the
-- value date on principal the money repaid is waived when the transfer is applied; penalty_waived keeps how much.
-- Rows before V20 keep NULL: they were applied as of the day they were applied.
ALTER TABLE repayment ADD COLUMN value_date DATE;
ALTER TABLE repayment ADD COLUMN penalty_waived DECIMAL(12,2) NOT NULL DEFAULT 0;
