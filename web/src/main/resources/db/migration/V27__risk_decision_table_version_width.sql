-- The recorded table version names every piece that prices (route, terms, limit-increase tables and the limit logic's
-- version, ADR 0012 addendum 2026-11-26): "risk-route-3.0+credit-terms-1.0+limit-increase-1.0+pricing-2" is 60
-- characters, and later versions may add more.
ALTER TABLE risk_decision MODIFY table_version VARCHAR(200) NOT NULL;
