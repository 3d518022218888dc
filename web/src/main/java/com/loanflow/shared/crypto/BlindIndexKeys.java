package com.loanflow.shared.crypto;

import java.security.SecureRandom;
import org.springframework.dao.DuplicateKeyException;

/**
 * The blind index's HMAC key: its own key, wrapped by the master key in {@code blind_index_key}, never a data key.
 * Not rotated with the data keys: a new index key would mean recomputing every {@code _idx} column.
 */
final class BlindIndexKeys {

    private static final String PURPOSE = "blind_index_key:1";

    private BlindIndexKeys() {
    }

    /** The stored key; on first start the legacy key (if any) or a fresh one is wrapped and stored. */
    static byte[] load(KeyTables tables, MasterKey masterKey, byte[] legacyKey) {
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
        if (!stored.masterKeyLabel().equals(masterKey.label())) {
            throw new IllegalStateException("The blind index key is wrapped by " + stored.masterKeyLabel()
                    + " but this node's master key is " + masterKey.label());
        }
        return masterKey.unwrap(stored.wrappedKey(), PURPOSE);
    }
}
