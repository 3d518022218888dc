package com.loanflow.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class AesGcmFieldCipherTest {

    /** Data keys held in memory: v1 and v2, the active one chosen by the test. */
    static final class Versions implements DataKeys {
        final Map<Integer, SecretKey> keys = new HashMap<>();
        int active = 1;

        Versions() throws Exception {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            keys.put(1, generator.generateKey());
            keys.put(2, generator.generateKey());
        }

        @Override
        public int activeVersion() {
            return active;
        }

        @Override
        public SecretKey key(int version) {
            return keys.get(version);
        }
    }

    @Test
    void newValuesCarryTheActiveVersionAndOlderVersionsStillDecrypt() throws Exception {
        Versions versions = new Versions();
        AesGcmFieldCipher cipher = new AesGcmFieldCipher(versions, 1);
        String underV1 = cipher.encrypt("6222020000000007", "loan_application.bank_card:a-1");
        byte[] bytesUnderV1 = cipher.encryptBytes(new byte[] {1, 2, 3}, "loan_contract.pdf:c-1");

        versions.active = 2;

        assertThat(underV1).startsWith("v1:");
        assertThat(cipher.encrypt("6222020000000007", "loan_application.bank_card:a-1")).startsWith("v2:");
        assertThat(new String(cipher.encryptBytes(new byte[] {1}, "x:1"), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v2:");
        assertThat(cipher.decrypt(underV1, "loan_application.bank_card:a-1")).isEqualTo("6222020000000007");
        assertThat(cipher.decryptBytes(bytesUnderV1, "loan_contract.pdf:c-1")).containsExactly(1, 2, 3);
        assertThat(cipher.versionOf(bytesUnderV1)).isEqualTo(1);
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotDecrypt() throws Exception {
        AesGcmFieldCipher cipher = new AesGcmFieldCipher(new Versions(), 1);
        String stored = cipher.encrypt("13800000001", "borrower.phone:b-1");

        assertThatThrownBy(() -> cipher.decrypt(stored, "borrower.phone:b-2")).hasMessageContaining("Decryption failed");
        assertThatThrownBy(() -> cipher.decrypt(stored, "sandbox_sms_outbox.phone:b-1")).hasMessageContaining("Decryption failed");
    }
}
