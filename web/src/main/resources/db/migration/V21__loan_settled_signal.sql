-- When the loan's process was told it is settled (LoanSettled, docs/adr/0030): the sweep that re-sends the message
-- looks only at settled loans without it, instead of asking the engine about every loan settled in the last days.
ALTER TABLE loan ADD COLUMN settled_signal_at DATETIME;
-- loans settled before V21: their processes took the message in the settling transaction
UPDATE loan SET settled_signal_at = settled_at WHERE status = 'SETTLED';
CREATE INDEX ix_loan_settled_signal ON loan (status, settled_signal_at);
