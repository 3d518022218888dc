package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Idempotency keys are case-exact and bank references case-blind, on every database alike.
 *
 * <p>MySQL's and MariaDB's default collations compare case-insensitively, H2's does not: on MySQL a client's
 * {@code Idempotency-Key: abcdEFGH} was the key {@code ABCDefgh} of an earlier request (its replay, or a 409), on H2
 * a new request. Keys are the client's bytes, so their columns get a binary collation. Bank references are the
 * opposite: an operator who types a statement line's reference in another case is recording the same line, so the
 * application stores them upper-case (BankTransferController, RefundController) and this brings stored ones in line.
 * A Java migration because H2 (the embedded default) has no per-column COLLATE.
 */
public class V29__case_exact_idempotency_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        boolean mysqlFamily = product.contains("MySQL") || product.contains("MariaDB");
        try (Statement sql = context.getConnection().createStatement()) {
            if (mysqlFamily) {
                sql.execute("ALTER TABLE loan_application MODIFY idempotency_key VARCHAR(64)"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL");
                sql.execute("ALTER TABLE repayment MODIFY idempotency_key VARCHAR(64)"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL");
                // case-insensitive unique keys: no two stored references differ only in case
                for (String column : new String[] {"repayment.bank_reference", "repayment.rejected_bank_reference",
                        "refund.bank_reference", "refund.open_bank_reference"}) {
                    String[] tableColumn = column.split("\\.");
                    sql.executeUpdate("UPDATE " + tableColumn[0] + " SET " + tableColumn[1] + " = UPPER(" + tableColumn[1]
                            + ") WHERE " + tableColumn[1] + " IS NOT NULL");
                }
            } else {
                // case-sensitive unique keys: a reference that shares its upper-case form with another row's (two
                // lines recorded before this change, "ab1" and "Ab1") stays as it is; the operators' view shows both
                sql.executeUpdate("UPDATE repayment r SET bank_reference = UPPER(bank_reference)"
                        + " WHERE bank_reference <> UPPER(bank_reference) AND NOT EXISTS (SELECT 1 FROM repayment o"
                        + " WHERE o.id <> r.id AND UPPER(o.bank_reference) = UPPER(r.bank_reference))");
                sql.executeUpdate("UPDATE repayment SET rejected_bank_reference = UPPER(rejected_bank_reference)"
                        + " WHERE rejected_bank_reference IS NOT NULL");
                sql.executeUpdate("UPDATE refund SET bank_reference = UPPER(bank_reference)");
                sql.executeUpdate("UPDATE refund r SET open_bank_reference = UPPER(open_bank_reference)"
                        + " WHERE open_bank_reference <> UPPER(open_bank_reference) AND NOT EXISTS (SELECT 1 FROM refund o"
                        + " WHERE o.id <> r.id AND UPPER(o.open_bank_reference) = UPPER(r.open_bank_reference))");
            }
        }
    }
}
