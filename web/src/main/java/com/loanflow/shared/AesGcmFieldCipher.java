package com.loanflow.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit IV per value. Stored form: {@code v<keyVersion>:<base64(iv || ciphertext+tag)>},
 * so a later key rotation can tell which key wrote a value.
 */
public final class AesGcmFieldCipher implements FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyVersion;
    private final SecureRandom random = new SecureRandom();

    public AesGcmFieldCipher(SecretKey key, String keyVersion) {
        if (key.getEncoded() != null && key.getEncoded().length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = key;
        this.keyVersion = keyVersion;
    }

    @Override
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), context);
        return "v" + keyVersion + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    @Override
    public String decrypt(String ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        int colon = ciphertext.indexOf(':');
        if (colon < 2 || !ciphertext.substring(1, colon).equals(keyVersion)) {
            throw new IllegalStateException("Unknown key version for " + context);
        }
        byte[] sealed = Base64.getDecoder().decode(ciphertext.substring(colon + 1));
        return new String(decryptBytes(sealed, context), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encryptBytes(byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for " + context, e);
        }
    }

    @Override
    public byte[] decryptBytes(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed for " + context, e);
        }
    }
}
