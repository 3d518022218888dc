-- Envelope encryption (docs/adr/0006): data keys and the blind index key, stored only wrapped by the master key
-- (PKCS#11 token or PKCS#12 keystore, labelled in master_key_label). Ciphertexts carry "v<version>:".
CREATE TABLE data_key (
  version           INT          NOT NULL PRIMARY KEY,
  wrapped_key       VARCHAR(255) NOT NULL,
  master_key_label  VARCHAR(128) NOT NULL,
  -- ACTIVE: may be in use, the highest ACTIVE version encrypts new values; RETIRED: no row uses it (decrypt only)
  state             VARCHAR(16)  NOT NULL,
  created_at        DATETIME     NOT NULL,
  retired_at        DATETIME
);

CREATE TABLE blind_index_key (
  id                INT          NOT NULL PRIMARY KEY,
  wrapped_key       VARCHAR(255) NOT NULL,
  master_key_label  VARCHAR(128) NOT NULL,
  created_at        DATETIME     NOT NULL
);
