package com.loanflow.shared.crypto;

import java.util.List;
import java.util.Map;

/**
 * What a rotation did. {@code reEncrypted} per column; {@code conflicts}: rows changed by the platform between
 * read and update (left to the next pass); {@code remaining}: rows still on an older version after the last pass.
 */
public record RotationReport(int activeVersion, Map<EncryptedColumn, Long> reEncrypted, long conflicts, int passes,
                             long remaining, List<Integer> retiredVersions) {

    public long totalReEncrypted() {
        return reEncrypted.values().stream().mapToLong(Long::longValue).sum();
    }
}
