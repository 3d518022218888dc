-- Every credit bureau query (and every use of a cached report) with its purpose and the consent it relies on.
-- id is the worker's query id: a repeated report of the same query is one row.
CREATE TABLE credit_query_log (
  id                VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id    VARCHAR(36) NOT NULL,
  purpose           VARCHAR(32) NOT NULL,
  consent_id        VARCHAR(36) NOT NULL,
  agreement_version VARCHAR(40) NOT NULL,
  cache_hit         BOOLEAN     NOT NULL,
  queried_at        DATETIME(3) NOT NULL,
  recorded_at       DATETIME(3) NOT NULL,
  CONSTRAINT fk_credit_query_application FOREIGN KEY (application_id) REFERENCES loan_application (id),
  CONSTRAINT fk_credit_query_consent FOREIGN KEY (consent_id) REFERENCES consent (id)
);
CREATE INDEX ix_credit_query_application ON credit_query_log (application_id, queried_at);
