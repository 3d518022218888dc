package com.loanflow.ledger;

import java.math.BigDecimal;

public record JournalLine(LedgerAccount account, Side side, BigDecimal amount) {

    public enum Side { DEBIT, CREDIT }

    public static JournalLine debit(LedgerAccount account, BigDecimal amount) {
        return new JournalLine(account, Side.DEBIT, amount);
    }

    public static JournalLine credit(LedgerAccount account, BigDecimal amount) {
        return new JournalLine(account, Side.CREDIT, amount);
    }
}
