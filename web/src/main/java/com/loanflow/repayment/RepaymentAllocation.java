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
import java.util.Map;
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

    /**
     * @param interestReversed interest accrual had recognised beyond what an early settlement as of a past value date
     *                         charges: the caller posts its reversal
     */
    record Applied(JournalEntry.Allocation allocation, boolean settled, BigDecimal interestReversed) {

        Applied(JournalEntry.Allocation allocation, boolean settled) {
            this(allocation, settled, Money.ZERO);
        }
    }

    private final LoanMapper loanMapper;

    RepaymentAllocation(LoanMapper loanMapper) {
        this.loanMapper = loanMapper;
    }

    Applied apply(Loan loan, BigDecimal amount, LocalDateTime now) {
        return apply(loan, amount, now, Map.of());
    }

    /**
     * @param payLast per installment id, overdue interest that accrued after the money's value date and is paid only
     *                once everything else the loan owes is ({@link ValueDating})
     */
    Applied apply(Loan loan, BigDecimal amount, LocalDateTime now, Map<String, BigDecimal> payLast) {
        List<Installment> installments = loanMapper.findInstallments(loan.id());
        int n = installments.size();
        BigDecimal[] penalty = new BigDecimal[n];
        BigDecimal[] interest = new BigDecimal[n];
        BigDecimal[] principal = new BigDecimal[n];
        BigDecimal left = amount;
        for (int k = 0; k < n; k++) {
            Installment installment = installments.get(k);
            penalty[k] = interest[k] = principal[k] = Money.ZERO;
            if (installment.status().isClosed()) {
                continue;
            }
            BigDecimal last = payLast.getOrDefault(installment.id(), Money.ZERO);
            penalty[k] = left.min(installment.penaltyOwed().subtract(last));
            left = left.subtract(penalty[k]);
            interest[k] = left.min(installment.interestOwed());
            left = left.subtract(interest[k]);
            principal[k] = left.min(installment.principalOwed());
            left = left.subtract(principal[k]);
        }
        for (int k = 0; k < n && left.signum() > 0; k++) {
            BigDecimal more = left.min(installments.get(k).penaltyOwed().subtract(penalty[k]));
            penalty[k] = penalty[k].add(more);
            left = left.subtract(more);
        }
        if (left.signum() != 0) {
            throw new IllegalStateException("Repayment of " + amount + " exceeds what loan " + loan.id() + " owes");
        }
        BigDecimal principalPart = Money.ZERO;
        BigDecimal accruedPart = Money.ZERO;
        BigDecimal unaccruedPart = Money.ZERO;
        BigDecimal penaltyPart = Money.ZERO;
        for (int k = 0; k < n; k++) {
            Installment installment = installments.get(k);
            if (penalty[k].signum() == 0 && interest[k].signum() == 0 && principal[k].signum() == 0) {
                continue;
            }
            BigDecimal accrued = interest[k].min(installment.accruedInterestUnpaid());
            BigDecimal unaccrued = interest[k].subtract(accrued);
            BigDecimal principalPaid = installment.principalPaid().add(principal[k]);
            BigDecimal interestPaid = installment.interestPaid().add(interest[k]);
            BigDecimal penaltyPaid = installment.penaltyPaid().add(penalty[k]);
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
            principalPart = principalPart.add(principal[k]);
            accruedPart = accruedPart.add(accrued);
            unaccruedPart = unaccruedPart.add(unaccrued);
            penaltyPart = penaltyPart.add(penalty[k]);
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
        BigDecimal interestReversed = Money.ZERO;
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
            // settled as of a past value date: accrual may have recognised days after it, which are not charged
            BigDecimal recognised = installment.interestRecognised().add(unaccrued);
            BigDecimal reversed = recognised.subtract(interestPaid).max(Money.ZERO);
            if (loanMapper.settleInstallment(installment.id(), installment.principalDue(), interestPaid, interestPaid,
                    installment.penaltyDue(), recognised.subtract(reversed), installment.version()) != 1) {
                throw new OptimisticLockingFailureException("Installment " + installment.id() + " changed concurrently");
            }
            principalPart = principalPart.add(installment.principalOwed());
            accruedPart = accruedPart.add(accrued);
            unaccruedPart = unaccruedPart.add(unaccrued);
            penaltyPart = penaltyPart.add(installment.penaltyOwed());
            interestReversed = interestReversed.add(reversed);
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
        return new Applied(allocation, true, interestReversed);
    }

    /**
     * Lowers the overdue interest of installments by what a value-dated transfer shows should not have accrued, and
     * the loan's outstanding penalty with it. Version-checked like every change of what a loan owes.
     *
     * @return the total waived
     */
    BigDecimal waivePenalty(Loan loan, Map<String, BigDecimal> waived) {
        BigDecimal total = Money.ZERO;
        for (Installment installment : loanMapper.findInstallments(loan.id())) {
            BigDecimal waiver = waived.getOrDefault(installment.id(), Money.ZERO);
            if (waiver.signum() == 0) {
                continue;
            }
            BigDecimal penaltyDue = installment.penaltyDue().subtract(waiver);
            boolean paid = installment.principalOwed().signum() == 0 && installment.interestOwed().signum() == 0
                    && penaltyDue.compareTo(installment.penaltyPaid()) == 0;
            if (loanMapper.waiveInstallmentPenalty(installment.id(), penaltyDue,
                    paid ? Installment.InstallmentStatus.PAID : installment.status(), installment.version()) != 1) {
                throw new OptimisticLockingFailureException("Installment " + installment.id() + " changed concurrently");
            }
            total = total.add(waiver);
        }
        if (total.signum() > 0 && loanMapper.updateOutstanding(loan.id(), loan.outstandingPrincipal(),
                loan.outstandingInterest(), loan.outstandingPenalty().subtract(total), loan.status(), null,
                loan.version()) != 1) {
            throw new OptimisticLockingFailureException("Loan " + loan.id() + " changed concurrently");
        }
        return total;
    }
}
