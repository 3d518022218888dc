package com.loanflow.shared.crypto;

import java.security.SecureRandom;
import org.springframework.dao.DuplicateKeyException;

/**
 * The blind index's HMAC key: its own key, wrapped by the master key in {@code blind_index_key}, never a data key.
 * Not rotated with the data keys: a new index key would mean recomputing every {@code _idx} column.
 */
final class BlindIndexKeys {

    static final String PURPOSE = "blind_index_key:1";

    private BlindIndexKeys() {
    }

    /** The stored key; on first start the legacy key (if any) or a fresh one is wrapped and stored. */
    static byte[] load(KeyTables tables, MasterKeys masterKeys, byte[] legacyKey) {
        MasterKey masterKey = masterKeys.current();
        if (tables.blindIndexKey().isEmpty()) {
            byte[] material = legacyKey;
            if (material == null) {
                material = new byte[32];
                new SecureRandom().nextBytes(material);
            }
            try {
                tables.insertBlindIndexKey(masterKey.wrap(material, PURPOSE), masterKey.label());
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // its key is the one to use
            }
        }
        WrappedKey stored = tables.blindIndexKey().orElseThrow();
        return masterKeys.wrapping(stored.masterKeyLabel(), "The blind index key").unwrap(stored.wrappedKey(), PURPOSE);
    }
}
