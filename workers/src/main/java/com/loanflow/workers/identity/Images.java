package com.loanflow.workers.identity;

import java.util.Base64;
import java.util.Optional;

/** The applicant's images arrive base64-encoded; a value that is not base64 counts as no image. */
final class Images {

    private Images() {
    }

    static Optional<byte[]> decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
