package com.loanflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Posting rules against the real database of the active profile (H2 by default, MariaDB with -Pintegration). */
@PlatformTest
class LedgerPostingTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void postingTheSameEventTwiceWritesOneEntry() {
        var entry = JournalEntry.disbursement(Ids.newId(), null, new BigDecimal("500.00"), LocalDateTime.now());

        List<Boolean> posted = transaction.execute(tx -> List.of(ledger.post(entry), ledger.post(entry)));

        assertThat(posted).containsExactly(true, false);
        assertThat(entries(entry.businessKey())).isEqualTo(1);
        assertThat(ledger.lines(entry.businessKey())).hasSize(2);
    }

    @Test
    void anUnbalancedEntryIsRefusedAndNothingOfItIsWritten() {
        var entry = new JournalEntry("TEST:" + Ids.newId(), null, "unbalanced", LocalDateTime.now(), List.of(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("100.00")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("90.00"))));

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> ledger.post(entry)))
                .isInstanceOf(UnbalancedEntryException.class);
        assertThat(entries(entry.businessKey())).isZero();
    }

    @Test
    void anEntryRollsBackWithTheStateChangeItBelongsTo() {
        var entry = JournalEntry.disbursement(Ids.newId(), null, new BigDecimal("800.00"), LocalDateTime.now());

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            ledger.post(entry);
            throw new IllegalStateException("the state change failed after posting");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(entries(entry.businessKey())).isZero();
        assertThat(ledger.lines(entry.businessKey())).isEmpty();
    }

    @Test
    void anEntryCannotBePostedOutsideTheCallersTransaction() {
        var entry = JournalEntry.disbursement(Ids.newId(), null, new BigDecimal("600.00"), LocalDateTime.now());

        assertThatThrownBy(() -> ledger.post(entry)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(entries(entry.businessKey())).isZero();
    }

    private int entries(String businessKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                businessKey);
    }
}
