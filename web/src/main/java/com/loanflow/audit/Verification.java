package com.loanflow.audit;

/**
 * Result of walking the audit chain. {@code entries} is how many verified (before the break, or in all, which is also
 * the head's seq); {@code headHash} identifies the last entry, to be noted elsewhere so that truncation shows too.
 */
public record Verification(boolean intact, Long firstBrokenSeq, long entries, String headHash) {

    static Verification intact(long entries, String headHash) {
        return new Verification(true, null, entries, headHash);
    }

    static Verification broken(long seq, long verifiedEntries) {
        return new Verification(false, seq, verifiedEntries, null);
    }
}
