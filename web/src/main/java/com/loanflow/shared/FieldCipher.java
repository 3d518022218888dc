package com.loanflow.shared;

/**
 * Encrypts personal data before it reaches any table. The context (table.column:rowId) is bound as
 * associated data, so a ciphertext copied to another row or column fails to decrypt.
 * Kept as one small interface so the key source (PKCS#12 today, an HSM later) can change behind it.
 */
public interface FieldCipher {

    String encrypt(String plaintext, String context);

    String decrypt(String ciphertext, String context);

    byte[] encryptBytes(byte[] plaintext, String context);

    byte[] decryptBytes(byte[] ciphertext, String context);

    static String context(String table, String column, String rowId) {
        return table + "." + column + ":" + rowId;
    }
}
