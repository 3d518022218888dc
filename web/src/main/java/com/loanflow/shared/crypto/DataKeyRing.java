package com.loanflow.shared.crypto;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;

/**
 * The data keys of {@code data_key}, unwrapped once per version by the master key and kept in memory.
 * Re-reads the table every {@code refresh} so a version activated by a rotation on another node is used for new
 * writes here too, and at once when it meets a version it does not know.
 */
public class DataKeyRing implements DataKeys {

    private record Snapshot(Map<Integer, SecretKey> keys, int active, long loadedAt) {
    }

    private final KeyTables tables;
    private final MasterKeys masterKeys;
    private final long refreshNanos;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot;

    public DataKeyRing(KeyTables tables, MasterKey masterKey, Duration refresh) {
        this(tables, MasterKeys.of(masterKey), refresh);
    }

    /** New keys are wrapped by the current master key; stored ones are unwrapped by the key that wrapped them. */
    public DataKeyRing(KeyTables tables, MasterKeys masterKeys, Duration refresh) {
        this.tables = tables;
        this.masterKeys = masterKeys;
        this.refreshNanos = refresh.toNanos();
    }

    /** First start on an empty table: the legacy key (if any) becomes its version, else a fresh version 1. */
    public void initialise(byte[] legacyKey, int legacyVersion) {
        if (tables.dataKeys().isEmpty()) {
            byte[] material = legacyKey != null ? legacyKey : newKeyMaterial();
            int version = legacyKey != null ? legacyVersion : 1;
            try {
                tables.insertDataKey(version, masterKeys.current().wrap(material, WrappedKey.purpose(version)),
                        masterKeys.current().label());
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // its key is the one to use
            }
        }
        reload();
    }

    @Override
    public int activeVersion() {
        return current().active();
    }

    @Override
    public SecretKey key(int version) {
        SecretKey key = current().keys().get(version);
        if (key == null) {
            key = reload().keys().get(version);
        }
        if (key == null) {
            throw new IllegalStateException("Unknown data key version v" + version);
        }
        return key;
    }

    /** A new ACTIVE version, used for new writes from now on (on other nodes after their next refresh). */
    public int createVersion() {
        int version = reload().keys().keySet().stream().max(Integer::compare).orElse(0) + 1;
        try {
            tables.insertDataKey(version, masterKeys.current().wrap(newKeyMaterial(), WrappedKey.purpose(version)),
                    masterKeys.current().label());
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("Data key v" + version + " was created concurrently; is another rotation running?", e);
        }
        return reload().active();
    }

    public List<WrappedKey> versions() {
        return tables.dataKeys();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        return s == null || System.nanoTime() - s.loadedAt() > refreshNanos ? reload() : s;
    }

    synchronized Snapshot reload() {
        Map<Integer, SecretKey> keys = snapshot == null ? new HashMap<>() : new HashMap<>(snapshot.keys());
        int active = 0;
        for (WrappedKey row : tables.dataKeys()) {
            keys.computeIfAbsent(row.version(), v -> unwrap(row));
            if (row.state() == DataKeyState.ACTIVE) {
                active = Math.max(active, row.version());
            }
        }
        if (active == 0) {
            throw new IllegalStateException("No ACTIVE data key in table data_key");
        }
        snapshot = new Snapshot(Map.copyOf(keys), active, System.nanoTime());
        return snapshot;
    }

    private SecretKey unwrap(WrappedKey row) {
        byte[] material = masterKeys.wrapping(row.masterKeyLabel(), "Data key v" + row.version())
                .unwrap(row.wrappedKey(), WrappedKey.purpose(row.version()));
        try {
            return new SecretKeySpec(material, "AES");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private byte[] newKeyMaterial() {
        byte[] material = new byte[32];
        random.nextBytes(material);
        return material;
    }
}
