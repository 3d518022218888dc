package com.loanflow.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 for equality lookups (login by phone, duplicate identity, blacklist) without plaintext. */
public final class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("Blind index key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The domain keeps equal values of different kinds (a phone and a card) from sharing an index. */
    public String of(String domain, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
