package com.loanflow.shared.crypto;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row access for the rotation. Identifiers come from {@link EncryptedColumn} constants only, never from input,
 * which is why this SQL is assembled here rather than in a mapper (mappers allow {@code #{}} only).
 */
public class EncryptedRows {

    private final JdbcTemplate jdbc;

    public EncryptedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keyset page of row ids after {@code afterId} (null: from the start). */
    List<String> ids(EncryptedColumn c, String afterId, int limit) {
        String where = afterId == null ? "" : " WHERE " + c.idColumn + " > ?";
        String sql = "SELECT " + c.idColumn + " FROM " + c.table + where + " ORDER BY " + c.idColumn + " LIMIT " + limit;
        return afterId == null ? jdbc.queryForList(sql, String.class) : jdbc.queryForList(sql, String.class, afterId);
    }

    /** The current ciphertext, or null (no value, or the row is gone). */
    String read(EncryptedColumn c, String id) {
        List<String> values = jdbc.queryForList(
                "SELECT " + c.column + " FROM " + c.table + " WHERE " + c.idColumn + " = ?", String.class, id);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Optimistic: writes only if the ciphertext is still the one that was read. */
    boolean replace(EncryptedColumn c, String id, String expected, String replacement) {
        return jdbc.update("UPDATE " + c.table + " SET " + c.column + " = ? WHERE " + c.idColumn + " = ? AND "
                + c.column + " = ?", replacement, id, expected) == 1;
    }
}
