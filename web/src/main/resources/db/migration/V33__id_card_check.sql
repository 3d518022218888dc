-- The OCR worker's verdict on an application's ID card photo, written by the engine in the transaction that completes
-- Task_OcrIdCard. The risk step reads the verdict here: the process variable it came in stays editable in Cockpit,
-- and a changed or removed variable must not lift the F_ID_CARD_UNCONFIRMED review. Nothing personal: a flag and the
-- worker's check code (OCR_UNREADABLE, OCR_NAME_UNCONFIRMED).
CREATE TABLE id_card_check (
  application_id VARCHAR(36) NOT NULL PRIMARY KEY,
  confirmed      BOOLEAN     NOT NULL,
  check_code     VARCHAR(40),
  recorded_at    DATETIME    NOT NULL
);
