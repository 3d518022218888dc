package com.loanflow.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.shared.FieldCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rotation on H2 through the rotation command's own context: values written under v1 (including bytes from before
 * envelope encryption, which carry no version) are re-encrypted to v2, still decrypt, and v1 is retired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataKeyRotationTest {

    /** The embedded default's legacy data key (application.yml): imported as v1 on the first start. */
    static final String LEGACY_KEY = "6pLaV307jZ/eyorw/ovMKazOlgzYBrsfvtx4zRoPIaw=";
    static final int BORROWERS = 7;

    ConfigurableApplicationContext context;
    JdbcTemplate jdbc;
    FieldCipher cipher;
    /** column:rowId → plaintext written before the rotation. */
    final Map<String, String> written = new LinkedHashMap<>();

    @BeforeAll
    void startCommandContext() {
        context = DataKeyRotationCommand.start("--spring.profiles.active=embedded-test",
                "--spring.datasource.url=jdbc:h2:mem:rotation;MODE=MySQL;DB_CLOSE_DELAY=-1",
                "--loanflow.crypto.master-key.pkcs12.path=target/test-keys/rotation.p12",
                "--loanflow.crypto.rotation.grace=PT0S", "--loanflow.crypto.rotation.batch-size=3");
        jdbc = context.getBean(JdbcTemplate.class);
        cipher = context.getBean(FieldCipher.class);
    }

    @AfterAll
    void close() {
        context.close();
    }

    @Test
    void reEncryptsEveryColumnFromV1ToV2AndRetiresV1() throws Exception {
        insertRowsUnderV1();
        String v1Value = cipher.encrypt("13800000009", FieldCipher.context("borrower", "phone", "elsewhere"));

        RotationReport report = context.getBean(DataKeyRotation.class).rotate();

        assertThat(report.activeVersion()).isEqualTo(2);
        assertThat(report.totalReEncrypted()).isEqualTo(written.size());
        assertThat(report.remaining()).isZero();
        assertThat(report.retiredVersions()).containsExactly(1);
        assertThat(report.passes()).isEqualTo(2);
        for (EncryptedColumn column : EncryptedColumn.values()) {
            assertThat(report.reEncrypted().get(column)).as(column.name()).isPositive();
        }
        assertEveryValueIsOnV2AndDecryptsToWhatWasWritten();
        assertThat(jdbc.queryForList("SELECT state FROM data_key ORDER BY version", String.class))
                .containsExactly("RETIRED", "ACTIVE");
        assertThat(cipher.encrypt("13800000010", "borrower.phone:new")).startsWith("v2:");
        assertThat(new String(cipher.encryptBytes(new byte[] {1}, "loan_contract.pdf:new"), 0, 3, StandardCharsets.US_ASCII))
                .isEqualTo("v2:");
        // retired, not destroyed: a v1 value that was kept elsewhere (a backup) still decrypts
        assertThat(cipher.decrypt(v1Value, FieldCipher.context("borrower", "phone", "elsewhere"))).isEqualTo("13800000009");
    }

    @Test
    void updatesOnlyIfTheCiphertextIsStillTheOneThatWasRead() {
        jdbc.update("INSERT INTO sandbox_sms_outbox (id, phone_idx, phone_enc, body, sent_at) VALUES ('sms-x', 'i', 'v1:old', 'b', NOW())");
        EncryptedRows rows = new EncryptedRows(jdbc);

        assertThat(rows.replace(EncryptedColumn.SANDBOX_SMS_PHONE, "sms-x", "v1:changed-meanwhile", "v2:new")).isFalse();
        assertThat(rows.read(EncryptedColumn.SANDBOX_SMS_PHONE, "sms-x")).isEqualTo("v1:old");
        jdbc.update("DELETE FROM sandbox_sms_outbox WHERE id = 'sms-x'");
    }

    private void insertRowsUnderV1() throws Exception {
        for (int i = 0; i < BORROWERS; i++) {
            String b = "b-" + i;
            String a = "a-" + i;
            jdbc.update("INSERT INTO borrower (id, phone_enc, phone_idx, phone_masked, password_hash, name_enc, id_number_enc,"
                            + " verification_status, created_at) VALUES (?, ?, ?, '138****0000', 'x', ?, ?, 'VERIFIED', NOW())",
                    b, text("borrower", "phone", b, "1380000000" + i), "idx-" + i, text("borrower", "name", b, "张三" + i),
                    text("borrower", "id_number", b, "11010119900307001" + i));
            // identity images: one from before envelope encryption (no version prefix), the others v1-prefixed
            jdbc.update("INSERT INTO identity_document (borrower_id, id_card_front_enc, selfie_enc, submitted_at)"
                    + " VALUES (?, ?, ?, NOW())", b, i == 0 ? legacyBytes("identity_document", "id_card_front", b, "front-0")
                    : bytes("identity_document", "id_card_front", b, "front-" + i), bytes("identity_document", "selfie", b, "selfie-" + i));
            jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount, term_months, bank_card_enc,"
                            + " bank_card_idx, bank_card_masked, purpose, status, created_at, updated_at)"
                            + " VALUES (?, ?, 'k', 1000, 6, ?, 'idx', '****0007', 'DAILY', 'APPROVED', NOW(), NOW())",
                    a, b, text("loan_application", "bank_card", a, "622202000000000" + i));
            jdbc.update("INSERT INTO loan_contract (id, application_id, contract_number, template_version, pdf_enc, pdf_sha256,"
                    + " status, created_at, signed_pdf_enc) VALUES (?, ?, ?, 't1', ?, 'sha', 'SIGNED', NOW(), ?)", "c-" + i, a,
                    "LC-" + i, bytes("loan_contract", "pdf", "c-" + i, "%PDF-" + i),
                    bytes("loan_contract", "signed_pdf", "c-" + i, "%PDF-signed-" + i));
            jdbc.update("INSERT INTO disbursement (id, application_id, request_id, channel, amount, bank_card_enc, status,"
                    + " created_at, updated_at) VALUES (?, ?, ?, 'sandbox', 1000, ?, 'SENT', NOW(), NOW())", "d-" + i, a, "r-" + i,
                    text("disbursement", "bank_card", "d-" + i, "622202000000000" + i));
            jdbc.update("INSERT INTO sandbox_sms_outbox (id, phone_idx, phone_enc, body, sent_at) VALUES (?, 'idx', ?, 'code', NOW())",
                    "s-" + i, text("sandbox_sms_outbox", "phone", "s-" + i, "1380000000" + i));
            jdbc.update("INSERT INTO sandbox_channel_payout (request_id, merchant_id, amount, card_enc, card_last4, behaviour,"
                            + " status, channel_txn_id, notify_url, created_at) VALUES (?, 'm', 1000, ?, '0007', 'SUCCEED', 'PAID', ?, 'u', NOW())",
                    "r-" + i, text("sandbox_channel_payout", "card", "r-" + i, "622202000000000" + i), "t-" + i);
            jdbc.update("INSERT INTO consent (id, borrower_id, consent_type, agreement_version, document_sha256,"
                    + " client_ip, consented_at) VALUES (?, ?, 'CREDIT_AUTHORIZATION', '1.0', 'sha', '127.0.0.1', NOW())",
                    "con-" + i, b);
            jdbc.update("INSERT INTO credit_query_log (id, application_id, purpose, consent_id, agreement_version,"
                    + " cache_hit, queried_at, recorded_at) VALUES (?, ?, 'LOAN_APPLICATION', ?, '1.0', FALSE, NOW(), NOW())",
                    "q-" + i, a, "con-" + i);
            jdbc.update("INSERT INTO credit_report (id, application_id, query_id, report_enc, stored_at)"
                    + " VALUES (?, ?, ?, ?, NOW())", "cr-" + i, a, "q-" + i,
                    text("credit_report", "report", "cr-" + i, "{\"age\":4" + i + "}"));
        }
        assertThat(jdbc.queryForObject("SELECT phone_enc FROM borrower WHERE id = 'b-1'", String.class)).startsWith("v1:");
    }

    private String text(String table, String column, String id, String plaintext) {
        written.put(column + "@" + table + ":" + id, plaintext);
        return cipher.encrypt(plaintext, FieldCipher.context(table, column, id));
    }

    private String bytes(String table, String column, String id, String plaintext) {
        written.put(column + "@" + table + ":" + id, plaintext);
        return Base64.getEncoder().encodeToString(
                cipher.encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), FieldCipher.context(table, column, id)));
    }

    /** What AesGcmFieldCipher.encryptBytes wrote before envelope encryption: iv || ciphertext, no version. */
    private String legacyBytes(String table, String column, String id, String plaintext) throws Exception {
        written.put(column + "@" + table + ":" + id, plaintext);
        byte[] iv = new byte[12];
        iv[0] = 'v';
        iv[1] = '1';
        iv[2] = ':'; // looks like a version prefix: the cipher must still fall back to the legacy reading
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(LEGACY_KEY), "AES"),
                new GCMParameterSpec(128, iv));
        gcm.updateAAD(FieldCipher.context(table, column, id).getBytes(StandardCharsets.UTF_8));
        byte[] body = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + body.length).put(iv).put(body).array());
    }

    private void assertEveryValueIsOnV2AndDecryptsToWhatWasWritten() {
        for (EncryptedColumn c : EncryptedColumn.values()) {
            jdbc.query("SELECT " + c.idColumn + ", " + c.column + " FROM " + c.table, rs -> {
                String id = rs.getString(1);
                String stored = rs.getString(2);
                String context = FieldCipher.context(c.table, c.contextColumn, id);
                String plaintext = c.binary
                        ? new String(assertV2Bytes(cipher, stored, context), StandardCharsets.UTF_8)
                        : cipher.decrypt(stored, context);
                if (!c.binary) {
                    assertThat(stored).startsWith("v2:");
                }
                assertThat(plaintext).isEqualTo(written.get(c.contextColumn + "@" + c.table + ":" + id));
            });
        }
    }

    private static byte[] assertV2Bytes(FieldCipher cipher, String stored, String context) {
        byte[] value = Base64.getDecoder().decode(stored);
        assertThat(new String(value, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v2:");
        return cipher.decryptBytes(value, context);
    }
}
