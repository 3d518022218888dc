package com.loanflow.ledger;

/**
 * Sub-accounts of the lender's depository account. Money moves between the lender's depository and the borrower's
 * card only; the platform holds no account here.
 */
public enum LedgerAccount {
    /** Cash in the lender's depository account at the bank (asset). */
    LENDER_DEPOSITORY_CASH,
    /** Principal lent and not yet repaid (asset). */
    LOAN_PRINCIPAL_RECEIVABLE,
    /** Interest earned, recognised when received (income). */
    INTEREST_INCOME
}
