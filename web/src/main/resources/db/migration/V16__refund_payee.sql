-- The card an outgoing refund transfer was paid to, as the bank statement line shows it: the recorder enters it, the
-- platform accepts it only when it is the card on the loan (the one the money came from), and the approver sees the
-- masked value. Only the blind index and the mask are kept: the number itself is already on the application,
-- encrypted. NULL on refunds recorded before V16; those cannot be approved (reject and record again).
ALTER TABLE refund ADD COLUMN payee_card_idx CHAR(64);
ALTER TABLE refund ADD COLUMN payee_card_masked VARCHAR(32);
