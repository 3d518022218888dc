package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bank transfer as operations handle it: recorded from the statement by ops1, approved by ops2. */
public final class BankTransfers {

    private BankTransfers() {
    }

    /** Arrived today. */
    public static Repayment received(Repayments repayments, String loanId, String bankReference, BigDecimal amount) {
        return received(repayments, loanId, bankReference, amount, LocalDate.now());
    }

    /** Arrived on the statement line's value date. */
    public static Repayment received(Repayments repayments, String loanId, String bankReference, BigDecimal amount,
                                     LocalDate valueDate) {
        Repayment recorded = repayments.recordBankTransfer(loanId, bankReference, amount, valueDate, "ops1");
        return repayments.approveBankTransfer(recorded.id(), "ops2");
    }
}
