package com.loanflow.repayment;

import com.loanflow.ledger.JournalEntry;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.loan.LoanStatus;
import com.loanflow.loan.SettlementQuote;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Applies received money to the installments, oldest first, and within one installment overdue interest, then
 * interest, then principal. Interest already accrued settles the receivable; interest paid before it accrued is
 * recognised on receipt (and raises interest_recognised, so accrual never counts it again). Version-checked updates:
 * a concurrent change makes the caller's transaction roll back and retry.
 */
@Component
class RepaymentAllocation {

    record Applied(JournalEntry.Allocation allocation, boolean settled) {
    }

    private final LoanMapper loanMapper;

    RepaymentAllocation(LoanMapper loanMapper) {
        this.loanMapper = loanMapper;
    }

    Applied apply(Loan loan, BigDecimal amount, LocalDateTime now) {
        BigDecimal left = amount;
        BigDecimal principalPart = Money.ZERO;
        BigDecimal accruedPart = Money.ZERO;
        BigDecimal unaccruedPart = Money.ZERO;
        BigDecimal penaltyPart = Money.ZERO;
        for (Installment installment : loanMapper.findInstallments(loan.id())) {
            if (left.signum() == 0) {
                break;
            }
            if (installment.status().isClosed()) {
                continue;
            }
            BigDecimal penalty = left.min(installment.penaltyOwed());
            left = left.subtract(penalty);
            BigDecimal interest = left.min(installment.interestOwed());
            left = left.subtract(interest);
            BigDecimal principal = left.min(installment.principalOwed());
            left = left.subtract(principal);
            BigDecimal accrued = interest.min(installment.accruedInterestUnpaid());
            BigDecimal unaccrued = interest.subtract(accrued);
            BigDecimal principalPaid = installment.principalPaid().add(principal);
            BigDecimal interestPaid = installment.interestPaid().add(interest);
            BigDecimal penaltyPaid = installment.penaltyPaid().add(penalty);
            boolean paid = principalPaid.compareTo(installment.principalDue()) == 0
                    && interestPaid.compareTo(installment.interestDue()) == 0
                    && penaltyPaid.compareTo(installment.penaltyDue()) == 0;
            int rows = loanMapper.updateInstallmentPaid(installment.id(), principalPaid, interestPaid, penaltyPaid,
                    installment.interestRecognised().add(unaccrued),
                    paid ? Installment.InstallmentStatus.PAID : Installment.InstallmentStatus.PARTIALLY_PAID,
                    installment.version());
            if (rows != 1) {
                throw new OptimisticLockingFailureException("Installment " + installment.id() + " changed concurrently");
            }
            principalPart = principalPart.add(principal);
            accruedPart = accruedPart.add(accrued);
            unaccruedPart = unaccruedPart.add(unaccrued);
            penaltyPart = penaltyPart.add(penalty);
        }
        if (left.signum() != 0) {
            throw new IllegalStateException("Repayment of " + amount + " exceeds what loan " + loan.id() + " owes");
        }
        BigDecimal interestPart = accruedPart.add(unaccruedPart);
        BigDecimal outstandingPrincipal = loan.outstandingPrincipal().subtract(principalPart);
        BigDecimal outstandingInterest = loan.outstandingInterest().subtract(interestPart);
        BigDecimal outstandingPenalty = loan.outstandingPenalty().subtract(penaltyPart);
        boolean settled = outstandingPrincipal.signum() == 0 && outstandingInterest.signum() == 0
                && outstandingPenalty.signum() == 0;
        if (loanMapper.updateOutstanding(loan.id(), outstandingPrincipal, outstandingInterest, outstandingPenalty,
                settled ? LoanStatus.SETTLED : LoanStatus.ACTIVE, settled ? now : null, loan.version()) != 1) {
            throw new OptimisticLockingFailureException("Loan " + loan.id() + " changed concurrently");
        }
        return new Applied(new JournalEntry.Allocation(principalPart, accruedPart, unaccruedPart, penaltyPart), settled);
    }

    /**
     * Early settlement for exactly the quote's total: every installment pays its principal, overdue interest and the
     * interest of the days elapsed; its interest_due is lowered to that, so the interest of the days not elapsed is
     * waived and never reaches the ledger. Of the interest, what accrual already recognised settles the receivable,
     * today's not-yet-accrued days are income on receipt (and recognised, so accrual never counts them again).
     */
    Applied settle(Loan loan, SettlementQuote quote, LocalDateTime now) {
        List<Installment> installments = loanMapper.findInstallments(loan.id());
        BigDecimal principalPart = Money.ZERO;
        BigDecimal accruedPart = Money.ZERO;
        BigDecimal unaccruedPart = Money.ZERO;
        BigDecimal penaltyPart = Money.ZERO;
        for (int k = 0; k < installments.size(); k++) {
            Installment installment = installments.get(k);
            if (installment.status().isClosed()) {
                continue;
            }
            BigDecimal kept = quote.interestSettled().get(k);
            BigDecimal interest = kept.subtract(installment.interestPaid()).max(Money.ZERO);
            BigDecimal accrued = interest.min(installment.accruedInterestUnpaid());
            BigDecimal unaccrued = interest.subtract(accrued);
            BigDecimal interestPaid = installment.interestPaid().add(interest);
            if (loanMapper.settleInstallment(installment.id(), installment.principalDue(), interestPaid, interestPaid,
                    installment.penaltyDue(), installment.interestRecognised().add(unaccrued),
                    installment.version()) != 1) {
                throw new OptimisticLockingFailureException("Installment " + installment.id() + " changed concurrently");
            }
            principalPart = principalPart.add(installment.principalOwed());
            accruedPart = accruedPart.add(accrued);
            unaccruedPart = unaccruedPart.add(unaccrued);
            penaltyPart = penaltyPart.add(installment.penaltyOwed());
        }
        var allocation = new JournalEntry.Allocation(principalPart, accruedPart, unaccruedPart, penaltyPart);
        if (allocation.total().compareTo(quote.total()) != 0 || principalPart.compareTo(loan.outstandingPrincipal()) != 0
                || penaltyPart.compareTo(loan.outstandingPenalty()) != 0) {
            // the quote was made from another state of the loan: roll back, the caller retries with a fresh quote
            throw new OptimisticLockingFailureException("Loan " + loan.id() + " changed since its settlement quote");
        }
        if (loanMapper.settleLoan(loan.id(), now, loan.version()) != 1) {
            throw new OptimisticLockingFailureException("Loan " + loan.id() + " changed concurrently");
        }
        return new Applied(allocation, true);
    }
}
