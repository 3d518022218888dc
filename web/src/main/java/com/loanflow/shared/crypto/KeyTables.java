package com.loanflow.shared.crypto;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code data_key} and {@code blind_index_key} tables (V2__data_keys.sql). Keys are stored wrapped only. */
public class KeyTables {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public KeyTables(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<WrappedKey> dataKeys() {
        return jdbc.query("SELECT version, wrapped_key, master_key_label, state, created_at FROM data_key ORDER BY version",
                (rs, n) -> new WrappedKey(rs.getInt(1), Base64.getDecoder().decode(rs.getString(2)), rs.getString(3),
                        DataKeyState.valueOf(rs.getString(4)), rs.getTimestamp(5).toLocalDateTime()));
    }

    /** Fails with a duplicate key if another node inserted the same version first. */
    void insertDataKey(int version, byte[] wrapped, String masterKeyLabel) {
        jdbc.update("INSERT INTO data_key (version, wrapped_key, master_key_label, state, created_at) VALUES (?, ?, ?, ?, ?)",
                version, Base64.getEncoder().encodeToString(wrapped), masterKeyLabel, DataKeyState.ACTIVE.name(), now());
    }

    boolean retire(int version) {
        return jdbc.update("UPDATE data_key SET state = ?, retired_at = ? WHERE version = ? AND state = ?",
                DataKeyState.RETIRED.name(), now(), version, DataKeyState.ACTIVE.name()) == 1;
    }

    Optional<WrappedKey> blindIndexKey() {
        return jdbc.query("SELECT wrapped_key, master_key_label, created_at FROM blind_index_key WHERE id = 1",
                (rs, n) -> new WrappedKey(1, Base64.getDecoder().decode(rs.getString(1)), rs.getString(2),
                        DataKeyState.ACTIVE, rs.getTimestamp(3).toLocalDateTime())).stream().findFirst();
    }

    void insertBlindIndexKey(byte[] wrapped, String masterKeyLabel) {
        jdbc.update("INSERT INTO blind_index_key (id, wrapped_key, master_key_label, created_at) VALUES (1, ?, ?, ?)",
                Base64.getEncoder().encodeToString(wrapped), masterKeyLabel, now());
    }

    /** Replaces a data key's wrapping if the row still holds {@code read}'s; false when it changed meanwhile. */
    boolean rewrapDataKey(WrappedKey read, byte[] wrapped, String masterKeyLabel) {
        return jdbc.update("UPDATE data_key SET wrapped_key = ?, master_key_label = ?"
                        + " WHERE version = ? AND master_key_label = ? AND wrapped_key = ?",
                Base64.getEncoder().encodeToString(wrapped), masterKeyLabel, read.version(), read.masterKeyLabel(),
                Base64.getEncoder().encodeToString(read.wrappedKey())) == 1;
    }

    boolean rewrapBlindIndexKey(WrappedKey read, byte[] wrapped, String masterKeyLabel) {
        return jdbc.update("UPDATE blind_index_key SET wrapped_key = ?, master_key_label = ?"
                        + " WHERE id = 1 AND master_key_label = ? AND wrapped_key = ?",
                Base64.getEncoder().encodeToString(wrapped), masterKeyLabel, read.masterKeyLabel(),
                Base64.getEncoder().encodeToString(read.wrappedKey())) == 1;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
