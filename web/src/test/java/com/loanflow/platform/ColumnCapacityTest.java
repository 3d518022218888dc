package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;

/**
 * Columns that hold what others send us are wide enough for it on every database the platform runs on (TEXT is
 * unlimited on H2 but 65,535 bytes on MySQL and MariaDB, where strict mode refuses more): checked here in each
 * profile, since the integration profile runs against MariaDB.
 */
class ColumnCapacityTest extends RunningPlatform {

    @Test
    void aSealedBureauReportAndAnOutboxPayloadTakeMegabytes() throws Exception {
        assertThat(size("credit_report", "report_enc")).isGreaterThanOrEqualTo(16_777_215L);
        assertThat(size("outbox_event", "payload")).isGreaterThanOrEqualTo(16_777_215L);
    }

    private long size(String table, String column) throws Exception {
        try (var connection = jdbc.getDataSource().getConnection()) {
            var meta = connection.getMetaData();
            for (String[] names : new String[][] {{table, column}, {table.toUpperCase(), column.toUpperCase()}}) {
                try (var columns = meta.getColumns(connection.getCatalog(), null, names[0], names[1])) {
                    if (columns.next()) {
                        return columns.getLong("COLUMN_SIZE");
                    }
                }
            }
        }
        throw new AssertionError(table + "." + column + " not found");
    }
}
