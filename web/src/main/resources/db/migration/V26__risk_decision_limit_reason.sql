-- Why a repeat borrower's credit limit is what it is: the L_ code of limit-increase.dmn (or L_TIER_CEILING) the live
-- arm priced with. Null for a first loan (the tier's limit), a rejection, and decisions from before limit increases.
ALTER TABLE risk_decision ADD COLUMN limit_reason_code VARCHAR(32);
