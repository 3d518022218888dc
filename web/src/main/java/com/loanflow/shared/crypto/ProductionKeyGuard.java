package com.loanflow.shared.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/** The mysql (production) profile refuses the embedded default's keys: a generated keystore or shipped keys. */
final class ProductionKeyGuard {

    static final String DEV_KEYSTORE_PASSWORD = "loanflow-dev-only";

    /** SHA-256 of the development legacy keys shipped in application.yml (data key, index key). */
    private static final Set<String> DEV_KEY_FINGERPRINTS = Set.of(
            "20422adf58b315d71dfa8c543600fa0e16eb5f5ee324628dcb68c9e5f6ff9f9e",
            "dce8be11bdb4f010989c61f24d430de96a7e1b1632f0ef288ab4dbb711edaf0c");

    private ProductionKeyGuard() {
    }

    static void check(CryptoProperties properties) {
        CryptoProperties.MasterKeyProperties masterKey = properties.masterKey();
        if ("pkcs12".equals(masterKey.type())) {
            if (masterKey.pkcs12().createIfMissing()) {
                refuse("a generated development keystore (master-key.pkcs12.create-if-missing=true)");
            }
            if (DEV_KEYSTORE_PASSWORD.equals(masterKey.pkcs12().password())) {
                refuse("the development keystore password");
            }
        }
        if (isDevKey(properties.legacyDataKey()) || isDevKey(properties.legacyIndexKey())) {
            refuse("the development data or index key shipped in application.yml");
        }
    }

    private static boolean isDevKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64.trim()));
            return DEV_KEY_FINGERPRINTS.contains(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(String what) {
        throw new IllegalStateException("The mysql (production) profile refuses to start with " + what
                + ": use an HSM (loanflow.crypto.master-key.type=pkcs11, LOANFLOW_HSM_PIN) or a provisioned keystore"
                + " (LOANFLOW_KEYSTORE, LOANFLOW_KEYSTORE_PASSWORD); see docs/adr/0006-envelope-encryption.md");
    }
}
