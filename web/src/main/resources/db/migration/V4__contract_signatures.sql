-- The signed contract (borrower's PAdES signature + platform seal), encrypted like pdf_enc. Written once:
-- the mapper only sets it WHERE signed_pdf_enc IS NULL, so the signed bytes never change after signing.
ALTER TABLE loan_contract ADD COLUMN signed_pdf_enc LONGTEXT;
ALTER TABLE loan_contract ADD COLUMN signed_pdf_sha256 CHAR(64);
ALTER TABLE loan_contract ADD COLUMN borrower_cert_serial VARCHAR(64);
