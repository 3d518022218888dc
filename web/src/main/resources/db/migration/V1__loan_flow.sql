-- Application schema (Camunda's ACT_ tables are created by the engine in the same database).
-- Personal data columns end in _enc (AES-GCM ciphertext, see FieldCipher), _idx (keyed HMAC blind index)
-- or _masked (display form). Plaintext personal data has no column.
-- Idempotency and exactly-once are database facts: see the UNIQUE keys.

CREATE TABLE borrower (
  id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
  phone_enc           VARCHAR(255) NOT NULL,
  phone_idx           CHAR(64)     NOT NULL,
  phone_masked        VARCHAR(20)  NOT NULL,
  password_hash       VARCHAR(100) NOT NULL,
  name_enc            VARCHAR(255),
  name_masked         VARCHAR(64),
  id_number_enc       VARCHAR(255),
  id_number_idx       CHAR(64),
  id_number_masked    VARCHAR(32),
  verification_status VARCHAR(20)  NOT NULL,
  credit_limit        DECIMAL(12,2),
  created_at          DATETIME     NOT NULL,
  version             INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_borrower_phone UNIQUE (phone_idx),
  CONSTRAINT uk_borrower_id_number UNIQUE (id_number_idx)
);

CREATE TABLE consent (
  id                VARCHAR(36)  NOT NULL PRIMARY KEY,
  borrower_id       VARCHAR(36)  NOT NULL,
  consent_type      VARCHAR(40)  NOT NULL,
  agreement_version VARCHAR(40)  NOT NULL,
  document_sha256   CHAR(64)     NOT NULL,
  client_ip         VARCHAR(64)  NOT NULL,
  user_agent        VARCHAR(255),
  application_id    VARCHAR(36),
  consented_at      DATETIME     NOT NULL,
  CONSTRAINT fk_consent_borrower FOREIGN KEY (borrower_id) REFERENCES borrower (id)
);
CREATE INDEX ix_consent_borrower ON consent (borrower_id, consent_type);

CREATE TABLE identity_document (
  borrower_id          VARCHAR(36) NOT NULL PRIMARY KEY,
  id_card_front_enc    LONGTEXT    NOT NULL,
  selfie_enc           LONGTEXT    NOT NULL,
  submitted_at         DATETIME    NOT NULL,
  CONSTRAINT fk_identity_document_borrower FOREIGN KEY (borrower_id) REFERENCES borrower (id)
);

CREATE TABLE loan_application (
  id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
  borrower_id        VARCHAR(36)   NOT NULL,
  idempotency_key    VARCHAR(64)   NOT NULL,
  requested_amount   DECIMAL(12,2) NOT NULL,
  term_months        INT           NOT NULL,
  bank_card_enc      VARCHAR(255)  NOT NULL,
  bank_card_idx      CHAR(64)      NOT NULL,
  bank_card_masked   VARCHAR(32)   NOT NULL,
  purpose            VARCHAR(32)   NOT NULL,
  status             VARCHAR(24)   NOT NULL,
  -- 1 while the application is open, NULL once it ends: the unique key allows one open application per borrower
  open_slot          TINYINT,
  reason_codes       VARCHAR(255),
  credit_limit       DECIMAL(12,2),
  apr_percent        DECIMAL(5,2),
  approved_amount    DECIMAL(12,2),
  loan_id            VARCHAR(36),
  client_ip          VARCHAR(64),
  created_at         DATETIME      NOT NULL,
  updated_at         DATETIME      NOT NULL,
  version            INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_application_idempotency UNIQUE (borrower_id, idempotency_key),
  CONSTRAINT uk_application_open UNIQUE (borrower_id, open_slot),
  CONSTRAINT fk_application_borrower FOREIGN KEY (borrower_id) REFERENCES borrower (id)
);
CREATE INDEX ix_application_borrower_created ON loan_application (borrower_id, created_at);

CREATE TABLE risk_decision (
  id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
  application_id        VARCHAR(36)  NOT NULL,
  outcome               VARCHAR(10)  NOT NULL,
  reason_codes          VARCHAR(255) NOT NULL,
  default_probability   DECIMAL(6,4) NOT NULL,
  risk_tier             VARCHAR(4)   NOT NULL,
  review_group          VARCHAR(40),
  adverse_factors       VARCHAR(1000),
  rule_set_version      VARCHAR(40)  NOT NULL,
  table_version         VARCHAR(40)  NOT NULL,
  model_version         VARCHAR(40)  NOT NULL,
  input_sha256          CHAR(64)     NOT NULL,
  latency_micros        BIGINT       NOT NULL,
  decided_at            DATETIME     NOT NULL,
  CONSTRAINT uk_risk_decision_application UNIQUE (application_id),
  CONSTRAINT fk_risk_decision_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
);

CREATE TABLE review_decision (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  application_id   VARCHAR(36)  NOT NULL,
  reviewer         VARCHAR(64)  NOT NULL,
  decision         VARCHAR(10)  NOT NULL,
  review_comment   VARCHAR(1000),
  decided_at       DATETIME     NOT NULL,
  CONSTRAINT uk_review_decision_application UNIQUE (application_id),
  CONSTRAINT fk_review_decision_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
);

CREATE TABLE loan_contract (
  id                VARCHAR(36)  NOT NULL PRIMARY KEY,
  application_id    VARCHAR(36)  NOT NULL,
  contract_number   VARCHAR(40)  NOT NULL,
  template_version  VARCHAR(40)  NOT NULL,
  pdf_enc           LONGTEXT     NOT NULL,
  pdf_sha256        CHAR(64)     NOT NULL,
  status            VARCHAR(20)  NOT NULL,
  created_at        DATETIME     NOT NULL,
  signed_at         DATETIME,
  signed_ip         VARCHAR(64),
  version           INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_contract_application UNIQUE (application_id),
  CONSTRAINT uk_contract_number UNIQUE (contract_number),
  CONSTRAINT fk_contract_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
);

CREATE TABLE signing_code (
  application_id  VARCHAR(36) NOT NULL PRIMARY KEY,
  code_hash       CHAR(64)    NOT NULL,
  expires_at      DATETIME    NOT NULL,
  attempts        INT         NOT NULL DEFAULT 0,
  consumed_at     DATETIME,
  version         INT         NOT NULL DEFAULT 0,
  CONSTRAINT fk_signing_code_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
);

CREATE TABLE disbursement (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  application_id   VARCHAR(36)   NOT NULL,
  request_id       VARCHAR(40)   NOT NULL,
  channel          VARCHAR(20)   NOT NULL,
  amount           DECIMAL(12,2) NOT NULL,
  bank_card_enc    VARCHAR(255)  NOT NULL,
  status           VARCHAR(24)   NOT NULL,
  channel_txn_id   VARCHAR(64),
  failure_code     VARCHAR(40),
  created_at       DATETIME      NOT NULL,
  updated_at       DATETIME      NOT NULL,
  version          INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_disbursement_application UNIQUE (application_id),
  CONSTRAINT uk_disbursement_request UNIQUE (request_id),
  CONSTRAINT fk_disbursement_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
);

CREATE TABLE payment_callback (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  channel          VARCHAR(20)  NOT NULL,
  request_id       VARCHAR(40)  NOT NULL,
  status           VARCHAR(24)  NOT NULL,
  channel_txn_id   VARCHAR(64),
  failure_code     VARCHAR(40),
  received_at      DATETIME     NOT NULL,
  CONSTRAINT uk_payment_callback UNIQUE (channel, request_id)
);

CREATE TABLE loan (
  id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
  application_id         VARCHAR(36)   NOT NULL,
  borrower_id            VARCHAR(36)   NOT NULL,
  principal              DECIMAL(12,2) NOT NULL,
  apr_percent            DECIMAL(5,2)  NOT NULL,
  term_months            INT           NOT NULL,
  outstanding_principal  DECIMAL(12,2) NOT NULL,
  outstanding_interest   DECIMAL(12,2) NOT NULL,
  status                 VARCHAR(24)   NOT NULL,
  disbursed_at           DATETIME      NOT NULL,
  settled_at             DATETIME,
  version                INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_loan_application UNIQUE (application_id),
  CONSTRAINT fk_loan_application FOREIGN KEY (application_id) REFERENCES loan_application (id)
);
CREATE INDEX ix_loan_borrower ON loan (borrower_id);

CREATE TABLE installment (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  loan_id         VARCHAR(36)   NOT NULL,
  seq             INT           NOT NULL,
  due_date        DATE          NOT NULL,
  principal_due   DECIMAL(12,2) NOT NULL,
  interest_due    DECIMAL(12,2) NOT NULL,
  principal_paid  DECIMAL(12,2) NOT NULL DEFAULT 0,
  interest_paid   DECIMAL(12,2) NOT NULL DEFAULT 0,
  status          VARCHAR(24)   NOT NULL,
  version         INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_installment_seq UNIQUE (loan_id, seq),
  CONSTRAINT fk_installment_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
);

CREATE TABLE repayment (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  loan_id          VARCHAR(36)   NOT NULL,
  borrower_id      VARCHAR(36)   NOT NULL,
  idempotency_key  VARCHAR(64)   NOT NULL,
  amount           DECIMAL(12,2) NOT NULL,
  principal_part   DECIMAL(12,2) NOT NULL,
  interest_part    DECIMAL(12,2) NOT NULL,
  status           VARCHAR(24)   NOT NULL,
  received_at      DATETIME      NOT NULL,
  CONSTRAINT uk_repayment_idempotency UNIQUE (borrower_id, idempotency_key),
  CONSTRAINT fk_repayment_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
);

CREATE TABLE blacklist_entry (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  entry_type   VARCHAR(16)  NOT NULL,
  value_idx    CHAR(64)     NOT NULL,
  reason       VARCHAR(255) NOT NULL,
  source       VARCHAR(64)  NOT NULL,
  expires_at   DATETIME,
  created_at   DATETIME     NOT NULL,
  CONSTRAINT uk_blacklist_value UNIQUE (entry_type, value_idx)
);

-- The sandbox providers' own stores (a real provider keeps these on its side).
CREATE TABLE sandbox_sms_outbox (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  phone_idx   CHAR(64)      NOT NULL,
  phone_enc   VARCHAR(255)  NOT NULL,
  body        VARCHAR(500)  NOT NULL,
  sent_at     DATETIME      NOT NULL,
  -- orders messages sent within the same second (DATETIME keeps no fractions)
  seq         BIGINT        NOT NULL AUTO_INCREMENT UNIQUE
);
CREATE INDEX ix_sandbox_sms_phone ON sandbox_sms_outbox (phone_idx, sent_at);

CREATE TABLE sandbox_channel_payout (
  request_id      VARCHAR(40)   NOT NULL PRIMARY KEY,
  merchant_id     VARCHAR(40)   NOT NULL,
  amount          DECIMAL(12,2) NOT NULL,
  card_enc        VARCHAR(255)  NOT NULL,
  card_last4      CHAR(4)       NOT NULL,
  behaviour       VARCHAR(32)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  status          VARCHAR(24)   NOT NULL,
  channel_txn_id  VARCHAR(64)   NOT NULL,
  notify_url      VARCHAR(255)  NOT NULL,
  created_at      DATETIME      NOT NULL,
  version         INT           NOT NULL DEFAULT 0
);
