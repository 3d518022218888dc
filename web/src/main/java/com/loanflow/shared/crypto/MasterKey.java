package com.loanflow.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The key-encryption key: wraps and unwraps data keys with AES-256-GCM inside its provider (the HSM for
 * PKCS#11), the purpose (e.g. {@code data_key:v2}) bound as associated data so a wrapped key cannot be moved
 * to another version. JDK 17's SunPKCS11 has neither AES/KW nor GCM in WRAP/UNWRAP mode, hence ENCRYPT/DECRYPT.
 */
public final class MasterKey {

    private static final int IV_BYTES = 12;

    private final String label;
    private final SecretKey key;
    private final Provider provider;
    private final SecureRandom random = new SecureRandom();

    MasterKey(String label, SecretKey key, Provider provider) {
        this.label = label;
        this.key = key;
        this.provider = provider;
    }

    /** {@code pkcs11:loanflow-master}: stored beside every wrapped key so a mismatch is reported, not guessed. */
    public String label() {
        return label;
    }

    SecretKey key() {
        return key;
    }

    public byte[] wrap(byte[] keyMaterial, String purpose) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] body = run(Cipher.ENCRYPT_MODE, iv, keyMaterial, purpose);
        return ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array();
    }

    public byte[] unwrap(byte[] wrapped, String purpose) {
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(wrapped, IV_BYTES),
                Arrays.copyOfRange(wrapped, IV_BYTES, wrapped.length), purpose);
    }

    private byte[] run(int mode, byte[] iv, byte[] input, String purpose) {
        try {
            Cipher cipher = provider == null ? Cipher.getInstance("AES/GCM/NoPadding")
                    : Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Master key " + label + " could not " + (mode == Cipher.ENCRYPT_MODE
                    ? "wrap " : "unwrap ") + purpose + " (wrong master key or tampered key table?)", e);
        }
    }
}
