package com.loanflow.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.FieldCipher;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Master-key rotation through the command's own context on H2, with two AES keys in one PKCS#12 keystore: nodes
 * configured with the new key and the old one as previous read everything, the re-wrap moves every wrapped key to
 * the new key without touching a ciphertext, and afterwards the old key is no longer needed (and no longer enough).
 */
class MasterKeyRewrapTest {

    static final String PASSWORD = "rewrap-test";
    static final String PHONE = "13800001234";
    static final String CONTEXT = FieldCipher.context("borrower", "phone", "b-rewrap");

    final String database = "jdbc:h2:mem:rewrap-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @Test
    void movesEveryWrappedKeyToTheNewMasterKeyAndLeavesCiphertextsAlone() throws Exception {
        Path keystore = keystoreWith("master-a", "master-b");
        try {
            // before: the platform on master-a writes a value under v1, then a data-key rotation adds v2
            ConfigurableApplicationContext onA = start(keystore, "master-a", "");
            String stored = onA.getBean(FieldCipher.class).encrypt(PHONE, CONTEXT);
            String index = onA.getBean(BlindIndex.class).of("phone", PHONE);
            onA.getBean(DataKeyRing.class).createVersion();
            String storedOnV2 = onA.getBean(FieldCipher.class).encrypt(PHONE, CONTEXT);
            JdbcTemplate jdbc = onA.getBean(JdbcTemplate.class);
            assertThat(labels(jdbc)).containsOnly("pkcs12:master-a");

            // step 1: nodes restart with master-b current and master-a previous; they read old keys, wrap new ones with b
            ConfigurableApplicationContext during = start(keystore, "master-b", "master-a");
            assertThat(during.getBean(FieldCipher.class).decrypt(stored, CONTEXT)).isEqualTo(PHONE);
            assertThat(during.getBean(BlindIndex.class).of("phone", PHONE)).isEqualTo(index);
            during.getBean(DataKeyRing.class).createVersion();
            assertThat(jdbc.queryForObject("SELECT master_key_label FROM data_key WHERE version = 3", String.class))
                    .isEqualTo("pkcs12:master-b");

            // no data-key rotation while two master keys are configured: new keys would be on the new one only
            assertThatThrownBy(() -> during.getBean(DataKeyRotation.class).rotate())
                    .hasMessageContaining("master-key rotation is under way");

            // a re-wrap that read a row before it changed leaves the row alone
            KeyTables keyTables = during.getBean(KeyTables.class);
            WrappedKey v1 = keyTables.dataKeys().get(0);
            WrappedKey stale = new WrappedKey(v1.version(), new byte[] {1, 2, 3}, v1.masterKeyLabel(), v1.state(),
                    v1.createdAt());
            assertThat(keyTables.rewrapDataKey(stale, new byte[] {9}, "pkcs12:master-b")).isFalse();

            // step 2: the command re-wraps v1, v2 and the blind-index key; no ciphertext changes
            MasterKeyRewrap.Report report = during.getBean(MasterKeyRewrap.class).rewrap();
            assertThat(report).isEqualTo(new MasterKeyRewrap.Report("pkcs12:master-b", 2, true, 0));
            assertThat(labels(jdbc)).containsOnly("pkcs12:master-b");

            // step 3: master-a dropped from the configuration; everything still reads, the index is unchanged
            ConfigurableApplicationContext after = start(keystore, "master-b", "");
            assertThat(after.getBean(FieldCipher.class).decrypt(stored, CONTEXT)).isEqualTo(PHONE);
            assertThat(after.getBean(FieldCipher.class).decrypt(storedOnV2, CONTEXT)).isEqualTo(PHONE);
            assertThat(after.getBean(BlindIndex.class).of("phone", PHONE)).isEqualTo(index);
            assertThat(after.getBean(MasterKeyRewrap.class).rewrap())
                    .isEqualTo(new MasterKeyRewrap.Report("pkcs12:master-b", 0, false, 0));

            // and the old key alone no longer opens anything: refused with the labels named
            assertThatThrownBy(() -> start(keystore, "master-a", ""))
                    .hasStackTraceContaining("is wrapped by pkcs12:master-b but this node's master keys are "
                            + "[pkcs12:master-a]");
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    @Test
    void aNodeWithoutTheKeyThatWrappedARowSaysWhichKeyIsMissing() throws Exception {
        Path keystore = keystoreWith("master-a", "master-b");
        try {
            start(keystore, "master-a", "");
            ConfigurableApplicationContext onB = start(keystore, "master-b", "master-a");
            onB.getBean(DataKeyRing.class).createVersion(); // v2 wrapped by master-b
            assertThatThrownBy(() -> start(keystore, "master-a", ""))
                    .hasStackTraceContaining("Data key v2 is wrapped by pkcs12:master-b")
                    .hasStackTraceContaining("previous-labels");
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    private ConfigurableApplicationContext start(Path keystore, String label, String previous) {
        ConfigurableApplicationContext context = MasterKeyRewrapCommand.start("--spring.profiles.active=embedded-test",
                "--spring.datasource.url=" + database,
                "--loanflow.crypto.master-key.pkcs12.path=" + keystore,
                "--loanflow.crypto.master-key.pkcs12.password=" + PASSWORD,
                "--loanflow.crypto.master-key.pkcs12.create-if-missing=false",
                "--loanflow.crypto.master-key.label=" + label,
                "--loanflow.crypto.master-key.previous-labels=" + previous);
        contexts.add(context);
        return context;
    }

    private static List<String> labels(JdbcTemplate jdbc) {
        List<String> labels = new ArrayList<>(jdbc.queryForList("SELECT master_key_label FROM data_key", String.class));
        labels.addAll(jdbc.queryForList("SELECT master_key_label FROM blind_index_key", String.class));
        return labels;
    }

    private static Path keystoreWith(String... labels) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD.toCharArray());
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        for (String label : labels) {
            store.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()),
                    new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        }
        Path file = Path.of("target/test-keys/rewrap-" + UUID.randomUUID() + ".p12");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
