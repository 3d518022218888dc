package com.loanflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.shared.Ids;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The check must catch a ledger that disagrees; the tampering is rolled back afterwards. */
@PlatformTest
class LedgerInvariantsTest {

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsAnUnbalancedEntryAndAReceivableWithoutAPayout() {
        String applicationId = Ids.newId();

        LedgerInvariants.Result result = transaction.execute(tx -> {
            String entryId = Ids.newId();
            jdbc.update("INSERT INTO journal_entry (id, business_key, application_id, description, occurred_at)"
                    + " VALUES (?, ?, ?, 'tampered', ?)", entryId, "TAMPERED:" + entryId, applicationId,
                    LocalDateTime.now().withNano(0));
            jdbc.update("INSERT INTO journal_line (id, entry_id, account, side, amount) VALUES (?, ?,"
                    + " 'LOAN_PRINCIPAL_RECEIVABLE', 'DEBIT', 100.00)", Ids.newId(), entryId);
            jdbc.update("INSERT INTO journal_line (id, entry_id, account, side, amount) VALUES (?, ?,"
                    + " 'LENDER_DEPOSITORY_CASH', 'CREDIT', 90.00)", Ids.newId(), entryId);
            LedgerInvariants.Result inside = invariants.check();
            tx.setRollbackOnly();
            return inside;
        });

        assertThat(result.holds()).isFalse();
        assertThat(result.violations()).anyMatch(v -> v.contains("TAMPERED:") && v.contains("unbalanced"))
                .anyMatch(v -> v.contains(applicationId) && v.contains("principal receivable 100.00 != outstanding 0"));
        assertThat(invariants.check().violations()).noneMatch(v -> v.contains(applicationId));
    }
}
