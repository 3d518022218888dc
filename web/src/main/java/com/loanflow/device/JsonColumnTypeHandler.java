package com.loanflow.device;

import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a JSON text to a JSON column on every database we run on. MySQL parses a string into its JSON type and
 * MariaDB's JSON is a checked LONGTEXT, but H2 stores a bound string as a JSON <em>string</em> ("\"{...}\"");
 * H2 parses bytes as JSON text, so it gets UTF-8 bytes. (MySQL refuses bytes for JSON: hence the distinction.)
 */
public class JsonColumnTypeHandler extends BaseTypeHandler<String> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, String json, JdbcType jdbcType) throws SQLException {
        if ("H2".equals(ps.getConnection().getMetaData().getDatabaseProductName())) {
            ps.setBytes(i, json.getBytes(StandardCharsets.UTF_8));
        } else {
            ps.setString(i, json);
        }
    }

    @Override
    public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return rs.getString(columnName);
    }

    @Override
    public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return rs.getString(columnIndex);
    }

    @Override
    public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return cs.getString(columnIndex);
    }
}
