package com.loanflow.shared.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * The production master key: an AES key object in a PKCS#11 token (HSM; SoftHSM2 in CI), used through
 * SunPKCS11. The key is a handle: its bytes never reach this process.
 */
public final class Pkcs11MasterKeys {

    /** One provider per token configuration: SunPKCS11 initialises the native module once per JVM anyway. */
    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private Pkcs11MasterKeys() {
    }

    public static MasterKey open(CryptoProperties.Pkcs11 config, String label) {
        if (config.pin() == null || config.pin().isBlank()) {
            throw new IllegalStateException("No PIN for the PKCS#11 token: set LOANFLOW_HSM_PIN");
        }
        Provider provider = PROVIDERS.computeIfAbsent(providerConfig(config), Pkcs11MasterKeys::configure);
        try {
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, config.pin().toCharArray());
            if (!(token.getKey(label, null) instanceof SecretKey key)) {
                throw new IllegalStateException("No AES key labelled '" + label + "' in PKCS#11 token "
                        + provider.getName());
            }
            return new MasterKey("pkcs11:" + label, key, provider);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot log in to PKCS#11 token " + provider.getName(), e);
        }
    }

    static String providerConfig(CryptoProperties.Pkcs11 config) {
        String slot = config.slot() != null ? "slot = " + config.slot() : "slotListIndex = " + config.slotListIndex();
        String name = "loanflow-" + (config.slot() != null ? config.slot() : "i" + config.slotListIndex());
        return "--name = " + name + "\nlibrary = " + config.library() + "\n" + slot + "\n";
    }

    private static Provider configure(String inlineConfig) {
        Provider unconfigured = Security.getProvider("SunPKCS11");
        if (unconfigured == null) {
            throw new IllegalStateException("SunPKCS11 is not available in this JDK");
        }
        return unconfigured.configure(inlineConfig);
    }
}
