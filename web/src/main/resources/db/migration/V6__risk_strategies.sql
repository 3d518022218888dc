-- Champion/challenger strategies and replayable decisions (issue 5, docs/adr/0012-champion-challenger-and-replay.md).
-- One row per application stays (uk_risk_decision_application): it holds the live arm in the existing columns and
-- the other arm's shadow decision beside it. Rows from before V6 keep NULLs here and cannot be replayed.

-- the live arm: which strategy decided, its full definition (JSON) and what it offered
ALTER TABLE risk_decision ADD COLUMN strategy_name VARCHAR(40);
ALTER TABLE risk_decision ADD COLUMN arm VARCHAR(12);
ALTER TABLE risk_decision ADD COLUMN strategy_spec VARCHAR(1000);
ALTER TABLE risk_decision ADD COLUMN rule_hits VARCHAR(255);
ALTER TABLE risk_decision ADD COLUMN credit_limit DECIMAL(12,2);
ALTER TABLE risk_decision ADD COLUMN apr_percent DECIMAL(5,2);
-- the RiskInput JSON the decision was computed from (no name, ID number, phone or card); input_sha256 is its hash
ALTER TABLE risk_decision ADD COLUMN input_json LONGTEXT;

-- the shadow arm: the other strategy's decision on the same input; its key figures as columns for the comparison,
-- the whole decision (reason codes, tier, terms, versions, strategy) as JSON
ALTER TABLE risk_decision ADD COLUMN shadow_strategy_name VARCHAR(40);
ALTER TABLE risk_decision ADD COLUMN shadow_outcome VARCHAR(10);
ALTER TABLE risk_decision ADD COLUMN shadow_default_probability DECIMAL(6,4);
ALTER TABLE risk_decision ADD COLUMN shadow_decision LONGTEXT;

CREATE INDEX ix_risk_decision_arm ON risk_decision (arm, strategy_name);
