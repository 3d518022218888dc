-- The operational gauges (docs/adr/0025-metrics-and-alerts.md) count rows by status every 30 seconds: without these
-- indexes each count would scan its whole table.
CREATE INDEX ix_application_status ON loan_application (status, updated_at);
CREATE INDEX ix_repayment_status ON repayment (status, received_at);
CREATE INDEX ix_disbursement_status ON disbursement (status, created_at);
CREATE INDEX ix_withholding_status ON withholding (status, created_at);
CREATE INDEX ix_loan_status ON loan (status);
CREATE INDEX ix_installment_open_due ON installment (status, due_date, loan_id);
CREATE INDEX ix_refund_status ON refund (status, recorded_at);
