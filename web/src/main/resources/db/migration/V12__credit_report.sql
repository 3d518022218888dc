-- The bureau report an application was assessed on, sealed (AES-256-GCM, FieldCipher, bound to table/column/row):
-- the process keeps only its id (creditReportId), so no new credit data enters Camunda's variable or history tables
-- or Cockpit. One report per logged bureau query (credit_query_log): no report without its purpose and consent.
CREATE TABLE credit_report (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  application_id  VARCHAR(36)  NOT NULL,
  query_id        VARCHAR(36)  NOT NULL,
  report_enc      TEXT         NOT NULL,
  stored_at       DATETIME(3)  NOT NULL,
  CONSTRAINT uk_credit_report_query UNIQUE (query_id),
  CONSTRAINT fk_credit_report_application FOREIGN KEY (application_id) REFERENCES loan_application (id),
  CONSTRAINT fk_credit_report_query FOREIGN KEY (query_id) REFERENCES credit_query_log (id)
);
