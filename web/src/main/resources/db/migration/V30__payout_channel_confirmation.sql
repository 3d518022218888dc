-- A payout the channel accepted and then never answered (no callback, the status query says nothing final) held the
-- borrower's signed application in DISBURSING for good. Operations settle it from the channel's own confirmation (its
-- support ticket), four eyes: one operator records what the channel confirmed, another applies it through the same
-- path as the channel's callback (PayoutConfirmations, ADR 0030 addendum). A rejected confirmation is cleared.
ALTER TABLE disbursement ADD COLUMN confirmed_status VARCHAR(16);
ALTER TABLE disbursement ADD COLUMN confirmed_txn_id VARCHAR(64);
ALTER TABLE disbursement ADD COLUMN confirmation_ticket VARCHAR(64);
ALTER TABLE disbursement ADD COLUMN confirmed_by VARCHAR(64);
ALTER TABLE disbursement ADD COLUMN confirmed_at DATETIME;
