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
    /** Interest accrued day by day and not yet received (asset). */
    INTEREST_RECEIVABLE,
    /** Overdue interest (penalty) accrued on overdue principal and not yet received (asset). */
    PENALTY_RECEIVABLE,
    /** Interest earned: accrued daily, or recognised on receipt when paid before it accrued (income). */
    INTEREST_INCOME,
    /** Overdue interest earned (income). */
    PENALTY_INCOME,
    /** The service fee, kept from the payout (income). */
    FEE_INCOME,
    /** Money received that the loan did not owe (it was settled another way): owed back to the borrower (liability). */
    BORROWER_REFUND_PAYABLE
}
