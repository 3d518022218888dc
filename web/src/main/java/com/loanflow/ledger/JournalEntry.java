package com.loanflow.ledger;

import static com.loanflow.ledger.LedgerAccount.BORROWER_REFUND_PAYABLE;
import static com.loanflow.ledger.LedgerAccount.FEE_INCOME;
import static com.loanflow.ledger.LedgerAccount.INTEREST_INCOME;
import static com.loanflow.ledger.LedgerAccount.INTEREST_RECEIVABLE;
import static com.loanflow.ledger.LedgerAccount.LENDER_DEPOSITORY_CASH;
import static com.loanflow.ledger.LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE;
import static com.loanflow.ledger.LedgerAccount.PENALTY_INCOME;
import static com.loanflow.ledger.LedgerAccount.PENALTY_RECEIVABLE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One business event as balanced debits and credits. The business key ("DISBURSEMENT:&lt;id&gt;") is unique in the
 * database, so posting the same event twice yields one entry. Zero amounts are left out of an entry.
 */
public record JournalEntry(String businessKey, String applicationId, String description, LocalDateTime occurredAt,
                           List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }

    /**
     * How a received amount was split (by Repayments): penalty and accrued interest settle receivables; interest
     * paid before it accrued is income on receipt.
     */
    public record Allocation(BigDecimal principal, BigDecimal accruedInterest, BigDecimal unaccruedInterest,
                             BigDecimal penalty) {

        public BigDecimal total() {
            return principal.add(accruedInterest).add(unaccruedInterest).add(penalty);
        }

        public BigDecimal interest() {
            return accruedInterest.add(unaccruedInterest);
        }
    }

    /** The payout reached the borrower's card: the lender's cash became a loan receivable. */
    public static JournalEntry disbursement(String disbursementId, String applicationId, BigDecimal amount,
                                            LocalDateTime at) {
        return disbursement(disbursementId, applicationId, amount, BigDecimal.ZERO, at);
    }

    /** The borrower owes the whole principal; the fee deducted from the payout stays with the lender as income. */
    public static JournalEntry disbursement(String disbursementId, String applicationId, BigDecimal paidOut,
                                            BigDecimal fee, LocalDateTime at) {
        List<JournalLine> lines = new ArrayList<>();
        lines.add(JournalLine.debit(LOAN_PRINCIPAL_RECEIVABLE, paidOut.add(fee)));
        lines.add(JournalLine.credit(LENDER_DEPOSITORY_CASH, paidOut));
        addCredit(lines, FEE_INCOME, fee);
        return new JournalEntry("DISBURSEMENT:" + disbursementId, applicationId, "Loan disbursed to borrower card", at,
                lines);
    }

    /** A repayment whose interest had not accrued yet (cash basis for that part). */
    public static JournalEntry repayment(String repaymentId, String applicationId, BigDecimal principalPart,
                                         BigDecimal interestPart, LocalDateTime at) {
        return repayment(repaymentId, applicationId,
                new Allocation(principalPart, BigDecimal.ZERO, interestPart, BigDecimal.ZERO), at);
    }

    /** Money received from the borrower's card into the lender's depository account. */
    public static JournalEntry repayment(String repaymentId, String applicationId, Allocation allocation,
                                         LocalDateTime at) {
        List<JournalLine> lines = new ArrayList<>();
        lines.add(JournalLine.debit(LENDER_DEPOSITORY_CASH, allocation.total()));
        addCredit(lines, LOAN_PRINCIPAL_RECEIVABLE, allocation.principal());
        addCredit(lines, INTEREST_RECEIVABLE, allocation.accruedInterest());
        addCredit(lines, INTEREST_INCOME, allocation.unaccruedInterest());
        addCredit(lines, PENALTY_RECEIVABLE, allocation.penalty());
        return new JournalEntry("REPAYMENT:" + repaymentId, applicationId, "Repayment applied to loan", at, lines);
    }

    /** Money arrived for a loan that no longer owed it: the cash is the borrower's, to be refunded. */
    public static JournalEntry unowedReceipt(String repaymentId, String applicationId, BigDecimal amount,
                                             LocalDateTime at) {
        return new JournalEntry("REPAYMENT:" + repaymentId, applicationId, "Received but not owed: refund due", at,
                List.of(JournalLine.debit(LENDER_DEPOSITORY_CASH, amount),
                        JournalLine.credit(BORROWER_REFUND_PAYABLE, amount)));
    }

    /** Money that was owed back to the borrower, paid back to them from the lender's account. */
    public static JournalEntry refund(String refundId, String applicationId, BigDecimal amount, LocalDateTime at) {
        return new JournalEntry("REFUND:" + refundId, applicationId, "Refund paid to the borrower", at,
                List.of(JournalLine.debit(BORROWER_REFUND_PAYABLE, amount),
                        JournalLine.credit(LENDER_DEPOSITORY_CASH, amount)));
    }

    /** One day's interest and overdue interest earned on one loan; the key makes a day accrue once. */
    public static JournalEntry accrual(String loanId, String applicationId, LocalDate day, BigDecimal interest,
                                       BigDecimal penalty, LocalDateTime at) {
        List<JournalLine> lines = new ArrayList<>();
        if (interest.signum() > 0) {
            lines.add(JournalLine.debit(INTEREST_RECEIVABLE, interest));
            lines.add(JournalLine.credit(INTEREST_INCOME, interest));
        }
        if (penalty.signum() > 0) {
            lines.add(JournalLine.debit(PENALTY_RECEIVABLE, penalty));
            lines.add(JournalLine.credit(PENALTY_INCOME, penalty));
        }
        return new JournalEntry("ACCRUAL:" + loanId + ":" + day, applicationId, "Daily interest and overdue accrual",
                at, lines);
    }

    /**
     * Overdue interest accrued after a transfer's value date on principal the transfer repaid: it should never have
     * accrued, so the income and the receivable are taken back.
     */
    public static JournalEntry penaltyWaiver(String repaymentId, String applicationId, BigDecimal amount,
                                             LocalDateTime at) {
        return new JournalEntry("PENALTY_WAIVER:" + repaymentId, applicationId,
                "Overdue interest after the value date waived", at,
                List.of(JournalLine.debit(PENALTY_INCOME, amount), JournalLine.credit(PENALTY_RECEIVABLE, amount)));
    }

    /**
     * Interest recognised by daily accrual for days after the value date of money that settled the loan early on that
     * date: settlement charges only the days elapsed by then, so that income and receivable are taken back.
     */
    public static JournalEntry interestReversal(String repaymentId, String applicationId, BigDecimal amount,
                                                LocalDateTime at) {
        return new JournalEntry("INTEREST_REVERSAL:" + repaymentId, applicationId,
                "Interest accrued after the early settlement's value date reversed", at,
                List.of(JournalLine.debit(INTEREST_INCOME, amount), JournalLine.credit(INTEREST_RECEIVABLE, amount)));
    }

    private static void addCredit(List<JournalLine> lines, LedgerAccount account, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(JournalLine.credit(account, amount));
        }
    }

    public BigDecimal total(JournalLine.Side side) {
        return lines.stream().filter(l -> l.side() == side).map(JournalLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
