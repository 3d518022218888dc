package com.loanflow.shared.crypto;

import java.nio.charset.StandardCharsets;

/** The {@code v<N>:} that starts every ciphertext (strings and, since envelope encryption, bytes). */
record VersionPrefix(int version, int length) {

    static final VersionPrefix NONE = new VersionPrefix(0, 0);

    static byte[] of(int version) {
        return ("v" + version + ":").getBytes(StandardCharsets.US_ASCII);
    }

    /** NONE when the value does not start with {@code v<digits>:} (legacy bytes, or not ours). */
    static VersionPrefix parse(byte[] value) {
        if (value.length < 3 || value[0] != 'v') {
            return NONE;
        }
        int version = 0;
        for (int i = 1; i < Math.min(value.length, 11); i++) {
            if (value[i] == ':' && i > 1) {
                return new VersionPrefix(version, i + 1);
            }
            if (value[i] < '0' || value[i] > '9') {
                return NONE;
            }
            version = version * 10 + (value[i] - '0');
        }
        return NONE;
    }

    static VersionPrefix parse(String value) {
        int colon = value.indexOf(':');
        return colon < 1 || colon > 10 ? NONE : parse(value.substring(0, colon + 1).getBytes(StandardCharsets.US_ASCII));
    }
}
