package com.loanflow.shared.crypto;

/**
 * Every encrypted column, with the row id and column name its ciphertext is bound to
 * ({@code FieldCipher.context(table, contextColumn, rowId)}). A new {@code _enc} column must be added here to be
 * rotated; {@code EncryptedColumnTest} fails when the schema has one that is missing.
 */
public enum EncryptedColumn {
    BORROWER_PHONE("borrower", "phone_enc", "phone", "id", false),
    BORROWER_NAME("borrower", "name_enc", "name", "id", false),
    BORROWER_ID_NUMBER("borrower", "id_number_enc", "id_number", "id", false),
    ID_CARD_FRONT("identity_document", "id_card_front_enc", "id_card_front", "borrower_id", true),
    SELFIE("identity_document", "selfie_enc", "selfie", "borrower_id", true),
    APPLICATION_BANK_CARD("loan_application", "bank_card_enc", "bank_card", "id", false),
    CONTRACT_PDF("loan_contract", "pdf_enc", "pdf", "id", true),
    CONTRACT_SIGNED_PDF("loan_contract", "signed_pdf_enc", "signed_pdf", "id", true),
    DISBURSEMENT_BANK_CARD("disbursement", "bank_card_enc", "bank_card", "id", false),
    SANDBOX_SMS_PHONE("sandbox_sms_outbox", "phone_enc", "phone", "id", false),
    SANDBOX_PAYOUT_CARD("sandbox_channel_payout", "card_enc", "card", "request_id", false),
    CREDIT_REPORT("credit_report", "report_enc", "report", "id", false);

    final String table;
    final String column;
    final String contextColumn;
    final String idColumn;
    /** Base64 text of {@code FieldCipher.encryptBytes} rather than {@code FieldCipher.encrypt}. */
    final boolean binary;

    EncryptedColumn(String table, String column, String contextColumn, String idColumn, boolean binary) {
        this.table = table;
        this.column = column;
        this.contextColumn = contextColumn;
        this.idColumn = idColumn;
        this.binary = binary;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }
}
