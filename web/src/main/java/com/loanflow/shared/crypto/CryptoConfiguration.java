package com.loanflow.shared.crypto;

import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.FieldCipher;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

/** Envelope encryption: master key (PKCS#12 or PKCS#11) → wrapped data keys in the database → field cipher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoConfiguration {

    @Bean
    MasterKeys masterKeys(CryptoProperties properties, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("mysql"))) {
            ProductionKeyGuard.check(properties);
        }
        CryptoProperties.MasterKeyProperties config = properties.masterKey();
        List<MasterKey> previous = config.previousLabels().stream().filter(label -> !label.isBlank())
                .map(label -> open(config, label.trim())).toList();
        return new MasterKeys(open(config, config.label()), previous);
    }

    private static MasterKey open(CryptoProperties.MasterKeyProperties config, String label) {
        return switch (config.type()) {
            case "pkcs12" -> Pkcs12MasterKeys.open(config.pkcs12(), label);
            case "pkcs11" -> Pkcs11MasterKeys.open(config.pkcs11(), label);
            default -> throw new IllegalStateException("loanflow.crypto.master-key.type must be pkcs12 or pkcs11, not "
                    + config.type());
        };
    }

    /** JdbcTemplate depends on Flyway's initializer, so the key tables exist before they are read. */
    @Bean
    KeyTables keyTables(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new KeyTables(jdbc, clock.getIfAvailable(Clock::systemDefaultZone));
    }

    @Bean
    DataKeyRing dataKeyRing(KeyTables tables, MasterKeys masterKeys, CryptoProperties properties) {
        DataKeyRing ring = new DataKeyRing(tables, masterKeys, properties.keyRefresh());
        ring.initialise(decode(properties.legacyDataKey()), properties.legacyDataKeyVersion());
        return ring;
    }

    @Bean
    AesGcmFieldCipher fieldCipher(DataKeyRing ring, CryptoProperties properties) {
        return new AesGcmFieldCipher(ring, properties.legacyDataKeyVersion());
    }

    @Bean
    BlindIndex blindIndex(KeyTables tables, MasterKeys masterKeys, CryptoProperties properties) {
        return new BlindIndex(BlindIndexKeys.load(tables, masterKeys, decode(properties.legacyIndexKey())));
    }

    @Bean
    MasterKeyRewrap masterKeyRewrap(KeyTables tables, MasterKeys masterKeys) {
        return new MasterKeyRewrap(tables, masterKeys);
    }

    @Bean
    DataKeyRotation dataKeyRotation(DataKeyRing ring, AesGcmFieldCipher cipher, KeyTables tables,
                                    JdbcTemplate jdbc, CryptoProperties properties, MasterKeys masterKeys) {
        return new DataKeyRotation(ring, cipher, new EncryptedRows(jdbc), tables, properties.rotation(), masterKeys);
    }

    private static byte[] decode(String base64) {
        return base64 == null || base64.isBlank() ? null : Base64.getDecoder().decode(base64.trim());
    }
}
