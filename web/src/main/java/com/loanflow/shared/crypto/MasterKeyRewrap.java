package com.loanflow.shared.crypto;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master-key rotation: every data key and the blind-index key still wrapped by a previous master key is unwrapped by
 * it and wrapped again by the current one, in place. The key material does not change, so no ciphertext or blind
 * index is touched and running nodes keep their unwrapped keys. Each row is updated only if it still holds what was
 * read (label and wrapped bytes), so a concurrent run cannot overwrite a fresher wrapping.
 */
public class MasterKeyRewrap {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRewrap.class);

    /** {@code remaining}: rows still wrapped by another master key after this run (0 = rotation complete). */
    public record Report(String currentLabel, int dataKeysRewrapped, boolean blindIndexKeyRewrapped, int remaining) {
    }

    private final KeyTables tables;
    private final MasterKeys masterKeys;

    public MasterKeyRewrap(KeyTables tables, MasterKeys masterKeys) {
        this.tables = tables;
        this.masterKeys = masterKeys;
    }

    public Report rewrap() {
        MasterKey current = masterKeys.current();
        int dataKeys = 0;
        for (WrappedKey row : tables.dataKeys()) {
            if (row.masterKeyLabel().equals(current.label())) {
                continue;
            }
            String purpose = WrappedKey.purpose(row.version());
            if (tables.rewrapDataKey(row, rewrapped(row, purpose, "Data key v" + row.version()), current.label())) {
                dataKeys++;
                log.info("Data key v{} re-wrapped from {} to {}", row.version(), row.masterKeyLabel(), current.label());
            }
        }
        boolean blindIndex = false;
        var indexKey = tables.blindIndexKey();
        if (indexKey.isPresent() && !indexKey.get().masterKeyLabel().equals(current.label())) {
            WrappedKey row = indexKey.get();
            blindIndex = tables.rewrapBlindIndexKey(row,
                    rewrapped(row, BlindIndexKeys.PURPOSE, "The blind index key"), current.label());
        }
        List<WrappedKey> left = tables.dataKeys().stream().filter(k -> !k.masterKeyLabel().equals(current.label()))
                .toList();
        int remaining = left.size() + (tables.blindIndexKey().filter(k -> !k.masterKeyLabel().equals(current.label()))
                .isPresent() ? 1 : 0);
        return new Report(current.label(), dataKeys, blindIndex, remaining);
    }

    private byte[] rewrapped(WrappedKey row, String purpose, String what) {
        byte[] material = masterKeys.wrapping(row.masterKeyLabel(), what).unwrap(row.wrappedKey(), purpose);
        byte[] check = null;
        try {
            byte[] wrapped = masterKeys.current().wrap(material, purpose);
            // the old wrapping is overwritten next: prove the new key opens the new one first (a key that can
            // encrypt but not decrypt, or a session-only token object, would otherwise lose every data key)
            check = masterKeys.current().unwrap(wrapped, purpose);
            if (!Arrays.equals(check, material)) {
                throw new IllegalStateException(what + ": the new master key " + masterKeys.current().label()
                        + " does not give back what it wrapped; nothing was changed");
            }
            return wrapped;
        } finally {
            Arrays.fill(material, (byte) 0);
            if (check != null) {
                Arrays.fill(check, (byte) 0);
            }
        }
    }
}
