package com.loanflow.shared.crypto;

import com.loanflow.shared.FieldCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit IV per value, under the active data key. Stored forms:
 * {@code v<N>:<base64(iv || ciphertext+tag)>} for strings, {@code "v<N>:" || iv || ciphertext+tag} for bytes.
 * Bytes written before envelope encryption have no prefix and are read with the legacy version.
 */
public final class AesGcmFieldCipher implements FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final int legacyVersion;
    private final SecureRandom random = new SecureRandom();

    public AesGcmFieldCipher(DataKeys keys, int legacyVersion) {
        this.keys = keys;
        this.legacyVersion = legacyVersion;
    }

    @Override
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        int version = keys.activeVersion();
        byte[] sealed = seal(version, plaintext.getBytes(StandardCharsets.UTF_8), context);
        return "v" + version + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    @Override
    public String decrypt(String ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        VersionPrefix prefix = VersionPrefix.parse(ciphertext);
        if (prefix == VersionPrefix.NONE) {
            throw new IllegalStateException("No key version on the value of " + context);
        }
        byte[] sealed = Base64.getDecoder().decode(ciphertext.substring(prefix.length()));
        return new String(open(prefix.version(), sealed, context), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encryptBytes(byte[] plaintext, String context) {
        int version = keys.activeVersion();
        byte[] prefix = VersionPrefix.of(version);
        byte[] sealed = seal(version, plaintext, context);
        return ByteBuffer.allocate(prefix.length + sealed.length).put(prefix).put(sealed).array();
    }

    @Override
    public byte[] decryptBytes(byte[] value, String context) {
        VersionPrefix prefix = VersionPrefix.parse(value);
        if (prefix != VersionPrefix.NONE) {
            try {
                return open(prefix.version(), Arrays.copyOfRange(value, prefix.length(), value.length), context);
            } catch (IllegalStateException maybeLegacyIvThatLooksLikeAPrefix) {
                // GCM authenticates: trying the legacy reading below cannot yield a wrong plaintext
            }
        }
        return open(legacyVersion, value, context);
    }

    /** The data key version a stored value was written with (bytes without prefix: the legacy version). */
    public int versionOf(byte[] value) {
        VersionPrefix prefix = VersionPrefix.parse(value);
        return prefix == VersionPrefix.NONE ? legacyVersion : prefix.version();
    }

    private byte[] seal(int version, byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(version), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for " + context, e);
        }
    }

    private byte[] open(int version, byte[] sealed, String context) {
        try {
            SecretKey key = keys.key(version);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed for " + context + " (key v" + version + ")", e);
        }
    }
}
