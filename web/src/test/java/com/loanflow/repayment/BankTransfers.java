package com.loanflow.repayment;

import java.math.BigDecimal;

/** A bank transfer as operations handle it: recorded from the statement by ops1, approved by ops2. */
public final class BankTransfers {

    private BankTransfers() {
    }

    public static Repayment received(Repayments repayments, String loanId, String bankReference, BigDecimal amount) {
        Repayment recorded = repayments.recordBankTransfer(loanId, bankReference, amount, "ops1");
        return repayments.approveBankTransfer(recorded.id(), "ops2");
    }
}
