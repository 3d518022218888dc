package com.loanflow.shared.crypto;

import java.time.LocalDateTime;

/** One row of {@code data_key}: the data key as the master key wrapped it. */
public record WrappedKey(int version, byte[] wrappedKey, String masterKeyLabel, DataKeyState state,
                         LocalDateTime createdAt) {

    static String purpose(int version) {
        return "data_key:v" + version;
    }
}
