package com.loanflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One link of the audit chain. Its hash covers the previous entry's hash and every field of its own, so changing,
 * removing or reordering an entry breaks the chain from that entry on.
 */
public record AuditEntry(String id, long seq, LocalDateTime occurredAt, String actor, String action,
                         String subjectType, String subjectId, String details, String prevHash, String hash) {

    /** The prev_hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static AuditEntry chained(AuditEntry previous, String id, LocalDateTime occurredAt, String actor, String action,
                              String subjectType, String subjectId, String details) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? GENESIS : previous.hash();
        AuditEntry unsealed = new AuditEntry(id, seq, occurredAt, actor, action, subjectType, subjectId, details,
                prevHash, null);
        return new AuditEntry(id, seq, occurredAt, actor, action, subjectType, subjectId, details, prevHash,
                unsealed.computeHash());
    }

    boolean hashMatches() {
        return computeHash().equals(hash);
    }

    /** SHA-256 over length-prefixed fields, so no two different entries share a canonical form. */
    String computeHash() {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {prevHash, Long.toString(seq), id, SECONDS.format(occurredAt), actor, action,
                subjectType, subjectId, details}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
