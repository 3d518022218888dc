package com.loanflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 1, 9, 0);

    @Test
    void aDisbursementMovesTheLendersCashIntoPrincipalReceivable() {
        var entry = JournalEntry.disbursement("d1", "a1", new BigDecimal("1000.00"), NOW);

        assertThat(entry.businessKey()).isEqualTo("DISBURSEMENT:d1");
        assertThat(entry.lines()).containsExactly(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1000.00")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("1000.00")));
        Ledger.requireBalanced(entry);
    }

    @Test
    void aRepaymentSplitsIntoPrincipalAndInterestIncomeAndBalances() {
        var entry = JournalEntry.repayment("r1", "a1", new BigDecimal("160.12"), new BigDecimal("15.00"), NOW);

        assertThat(entry.lines()).containsExactly(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("175.12")),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("160.12")),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, new BigDecimal("15.00")));
        Ledger.requireBalanced(entry);
    }

    @Test
    void anInterestOnlyRepaymentHasNoZeroPrincipalLine() {
        var entry = JournalEntry.repayment("r2", "a1", new BigDecimal("0.00"), new BigDecimal("3.50"), NOW);

        assertThat(entry.lines()).extracting(JournalLine::account)
                .containsExactly(LedgerAccount.LENDER_DEPOSITORY_CASH, LedgerAccount.INTEREST_INCOME);
        Ledger.requireBalanced(entry);
    }

    @Test
    void refusesAnEntryWhoseDebitsDoNotEqualItsCredits() {
        var entry = new JournalEntry("X:1", null, "unbalanced", NOW, List.of(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("100.00")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("99.99"))));

        assertThatThrownBy(() -> Ledger.requireBalanced(entry)).isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("100.00").hasMessageContaining("99.99");
    }

    @Test
    void refusesFractionsOfAFenZeroAmountsAndOneSidedEntries() {
        var fraction = new JournalEntry("X:2", null, "fraction", NOW, List.of(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("0.001")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("0.001"))));
        var zero = new JournalEntry("X:3", null, "zero", NOW, List.of(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("0.00")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("0.00"))));
        var oneSided = new JournalEntry("X:4", null, "one line", NOW, List.of(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1.00"))));

        for (var entry : List.of(fraction, zero, oneSided)) {
            assertThatThrownBy(() -> Ledger.requireBalanced(entry)).isInstanceOf(UnbalancedEntryException.class);
        }
    }
}
