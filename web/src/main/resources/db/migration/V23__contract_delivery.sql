-- When the borrower first received the contract they are asked to sign (the rendered PDF, GET .../contract): a
-- signature is accepted only after it, so no one signs a contract, or an APR, the borrower was never given.
ALTER TABLE loan_contract ADD COLUMN delivered_at DATETIME;
