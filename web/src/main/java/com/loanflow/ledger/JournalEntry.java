package com.loanflow.ledger;

import static com.loanflow.ledger.LedgerAccount.INTEREST_INCOME;
import static com.loanflow.ledger.LedgerAccount.LENDER_DEPOSITORY_CASH;
import static com.loanflow.ledger.LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One business event as balanced debits and credits. The business key ("DISBURSEMENT:&lt;id&gt;") is unique in the
 * database, so posting the same event twice yields one entry.
 */
public record JournalEntry(String businessKey, String applicationId, String description, LocalDateTime occurredAt,
                           List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }

    /** The payout reached the borrower's card: the lender's cash became a loan receivable. */
    public static JournalEntry disbursement(String disbursementId, String applicationId, BigDecimal amount,
                                            LocalDateTime at) {
        return new JournalEntry("DISBURSEMENT:" + disbursementId, applicationId, "Loan disbursed to borrower card", at,
                List.of(JournalLine.debit(LOAN_PRINCIPAL_RECEIVABLE, amount),
                        JournalLine.credit(LENDER_DEPOSITORY_CASH, amount)));
    }

    /** A repayment withheld from the borrower's card, split as Repayments allocated it (interest first). */
    public static JournalEntry repayment(String repaymentId, String applicationId, BigDecimal principalPart,
                                         BigDecimal interestPart, LocalDateTime at) {
        List<JournalLine> lines = new ArrayList<>();
        lines.add(JournalLine.debit(LENDER_DEPOSITORY_CASH, principalPart.add(interestPart)));
        if (principalPart.signum() > 0) {
            lines.add(JournalLine.credit(LOAN_PRINCIPAL_RECEIVABLE, principalPart));
        }
        if (interestPart.signum() > 0) {
            lines.add(JournalLine.credit(INTEREST_INCOME, interestPart));
        }
        return new JournalEntry("REPAYMENT:" + repaymentId, applicationId, "Repayment applied to loan", at, lines);
    }

    public BigDecimal total(JournalLine.Side side) {
        return lines.stream().filter(l -> l.side() == side).map(JournalLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
