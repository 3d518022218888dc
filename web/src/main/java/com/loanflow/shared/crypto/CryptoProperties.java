package com.loanflow.shared.crypto;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loanflow.crypto}: where the master key lives and how data keys are refreshed and rotated.
 * The legacy keys are the plaintext keys of the pre-envelope releases: imported (wrapped) once when the key
 * tables are empty, so rows they wrote keep decrypting, then no longer needed.
 */
@ConfigurationProperties("loanflow.crypto")
public record CryptoProperties(
        MasterKeyProperties masterKey,
        String legacyDataKey,
        @DefaultValue("1") int legacyDataKeyVersion,
        String legacyIndexKey,
        @DefaultValue("PT30S") Duration keyRefresh,
        @DefaultValue Rotation rotation) {

    /**
     * {@code label} wraps every new key; {@code previousLabels} (same keystore or token) only unwrap keys they wrapped
     * before, while a master-key rotation ({@link MasterKeyRewrapCommand}) moves them to {@code label}.
     */
    public record MasterKeyProperties(
            @DefaultValue("pkcs12") String type,
            @DefaultValue("loanflow-master") String label,
            @DefaultValue Pkcs12 pkcs12,
            @DefaultValue Pkcs11 pkcs11,
            @DefaultValue List<String> previousLabels) {
    }

    /** A keystore file; {@code createIfMissing} generates one with a fresh AES key (development only). */
    public record Pkcs12(String path, String password, @DefaultValue("false") boolean createIfMissing) {
    }

    /** A PKCS#11 token reached through SunPKCS11: {@code slot} (id) wins over {@code slotListIndex}. */
    public record Pkcs11(@DefaultValue("/usr/lib/softhsm/libsofthsm2.so") String library, Long slot,
                         @DefaultValue("0") int slotListIndex, String pin) {
    }

    /** {@code grace}: how long other nodes may still write with the previous key (at least keyRefresh). */
    public record Rotation(@DefaultValue("100") int batchSize, @DefaultValue("PT35S") Duration grace,
                           @DefaultValue("5") int maxPasses) {
    }
}
