package com.loanflow.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.shared.FieldCipher;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Envelope encryption with the master key in a real PKCS#11 token (SoftHSM2; .ci/run installs and prepares it). */
@Tag("softhsm")
@EnabledIf("com.loanflow.shared.crypto.SoftHsmToken#moduleInstalled")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftHsmFieldCipherTest {

    static final String CONTEXT = FieldCipher.context("borrower", "id_number", "b-1");

    MasterKey masterKey;
    KeyTables tables;

    @BeforeAll
    void openToken() throws Exception {
        SoftHsmToken token = SoftHsmToken.prepare("loanflow-test-master");
        masterKey = Pkcs11MasterKeys.open(token.config(), token.keyLabel());
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:softhsm;MODE=MySQL;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__data_keys.sql")).execute(database);
        tables = new KeyTables(new JdbcTemplate(database), Clock.systemUTC());
    }

    @Test
    void encryptsAndDecryptsThroughADataKeyWrappedByTheHsm() {
        DataKeyRing ring = new DataKeyRing(tables, masterKey, Duration.ofSeconds(30));
        ring.initialise(null, 1);
        FieldCipher cipher = new AesGcmFieldCipher(ring, 1);

        String stored = cipher.encrypt("110101199003070011", CONTEXT);

        assertThat(stored).startsWith("v1:").doesNotContain("110101199003070011");
        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo("110101199003070011");
        WrappedKey row = tables.dataKeys().get(0);
        assertThat(row.masterKeyLabel()).isEqualTo("pkcs11:loanflow-test-master");
        assertThat(row.wrappedKey()).hasSize(12 + 32 + 16);
        // another node (a fresh ring) unwraps the same data key in the HSM and reads the value
        FieldCipher otherNode = new AesGcmFieldCipher(new DataKeyRing(tables, masterKey, Duration.ofSeconds(30)), 1);
        assertThat(otherNode.decrypt(stored, CONTEXT)).isEqualTo("110101199003070011");
    }

    @Test
    void masterKeyIsAHandleInTheTokenAndCannotBeExtracted() {
        assertThat(masterKey.key().getEncoded()).isNull();
        assertThat(masterKey.key().toString()).contains("token object", "sensitive", "unextractable");
    }

    @Test
    void tamperedAssociatedDataOrWrappedKeyIsRejected() {
        DataKeyRing ring = new DataKeyRing(tables, masterKey, Duration.ofSeconds(30));
        ring.initialise(null, 1);
        FieldCipher cipher = new AesGcmFieldCipher(ring, 1);
        String stored = cipher.encrypt("13800000001", CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(stored, FieldCipher.context("borrower", "id_number", "b-2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Decryption failed");
        byte[] wrapped = tables.dataKeys().get(0).wrappedKey();
        assertThatThrownBy(() -> masterKey.unwrap(wrapped, WrappedKey.purpose(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not unwrap");
        wrapped[20] ^= 1;
        assertThatThrownBy(() -> masterKey.unwrap(wrapped, WrappedKey.purpose(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMasterKeyRotationReWrapsInsideTheTokenWithoutTouchingCiphertexts() throws Exception {
        MasterKey next = Pkcs11MasterKeys.open(SoftHsmToken.prepare("loanflow-test-master-next").config(),
                "loanflow-test-master-next");
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:softhsm-rewrap;MODE=MySQL;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__data_keys.sql")).execute(database);
        KeyTables keys = new KeyTables(new JdbcTemplate(database), Clock.systemUTC());
        DataKeyRing before = new DataKeyRing(keys, masterKey, Duration.ofSeconds(30));
        before.initialise(null, 1);
        String stored = new AesGcmFieldCipher(before, 1).encrypt("13800000001", CONTEXT);

        MasterKeyRewrap.Report report = new MasterKeyRewrap(keys, new MasterKeys(next, java.util.List.of(masterKey)))
                .rewrap();

        assertThat(report).isEqualTo(new MasterKeyRewrap.Report("pkcs11:loanflow-test-master-next", 1, false, 0));
        assertThat(keys.dataKeys().get(0).masterKeyLabel()).isEqualTo("pkcs11:loanflow-test-master-next");
        FieldCipher onlyNext = new AesGcmFieldCipher(new DataKeyRing(keys, next, Duration.ofSeconds(30)), 1);
        assertThat(onlyNext.decrypt(stored, CONTEXT)).isEqualTo("13800000001");
        assertThatThrownBy(() -> new DataKeyRing(keys, masterKey, Duration.ofSeconds(30)).key(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrapped by pkcs11:loanflow-test-master-next");
    }
}
