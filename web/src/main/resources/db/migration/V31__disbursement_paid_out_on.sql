-- The day the money reached the borrower's card, as the channel dates it (its acceptedAt, within the days the payout
-- can have been accepted on). The loan's interest and due dates run from it (contract 1.2: from the actual payout
-- day), not from when the platform processed the answer: a callback retried past midnight, or a payout found by the
-- status query or settled from the channel's confirmation days later, dated the loan a day or more late.
ALTER TABLE disbursement ADD COLUMN paid_out_on DATE;
