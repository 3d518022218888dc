package com.loanflow.shared.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProductionKeyGuardTest {

    static final String DEV_DATA_KEY = "6pLaV307jZ/eyorw/ovMKazOlgzYBrsfvtx4zRoPIaw=";

    @Test
    void refusesTheGeneratedDevelopmentKeystore() {
        assertThatThrownBy(() -> ProductionKeyGuard.check(pkcs12("/srv/keys/master.p12", "s3cret", true, null)))
                .hasMessageContaining("refuses to start").hasMessageContaining("create-if-missing");
    }

    @Test
    void refusesTheDevelopmentKeystorePassword() {
        assertThatThrownBy(() -> ProductionKeyGuard.check(pkcs12("/srv/keys/master.p12", "loanflow-dev-only", false, null)))
                .hasMessageContaining("development keystore password");
    }

    @Test
    void refusesTheShippedDevelopmentDataKey() {
        assertThatThrownBy(() -> ProductionKeyGuard.check(pkcs11(DEV_DATA_KEY)))
                .hasMessageContaining("development data or index key");
    }

    @Test
    void acceptsAnHsmOrAProvisionedKeystore() {
        assertThatCode(() -> ProductionKeyGuard.check(pkcs11("3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionKeyGuard.check(pkcs12("/srv/keys/master.p12", "s3cret", false, null)))
                .doesNotThrowAnyException();
    }

    static CryptoProperties pkcs12(String path, String password, boolean create, String legacyKey) {
        return properties("pkcs12", new CryptoProperties.Pkcs12(path, password, create), legacyKey);
    }

    static CryptoProperties pkcs11(String legacyKey) {
        return properties("pkcs11", new CryptoProperties.Pkcs12(null, null, false), legacyKey);
    }

    static CryptoProperties properties(String type, CryptoProperties.Pkcs12 pkcs12, String legacyKey) {
        var masterKey = new CryptoProperties.MasterKeyProperties(type, "loanflow-master", pkcs12,
                new CryptoProperties.Pkcs11("/usr/lib/softhsm/libsofthsm2.so", 1L, 0, "1234"), java.util.List.of());
        return new CryptoProperties(masterKey, legacyKey, 1, null, Duration.ofSeconds(30),
                new CryptoProperties.Rotation(100, Duration.ZERO, 5));
    }
}
