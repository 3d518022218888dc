package com.loanflow.repayment;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.ledger.JournalEntry;
import com.loanflow.ledger.Ledger;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.loan.LoanStatus;
import com.loanflow.loan.Loans;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a repayment to the installments in order, interest before principal. The (borrower, Idempotency-Key)
 * unique key and the version-checked loan update make a repeated or concurrent request count once, and so is its
 * ledger entry, posted in the same transaction.
 */
@Service
public class Repayments {

    private final RepaymentMapper mapper;
    private final LoanMapper loanMapper;
    private final Loans loans;
    private final Applications applications;
    private final RuntimeService runtime;
    private final Ledger ledger;
    private final Clock clock;

    Repayments(RepaymentMapper mapper, LoanMapper loanMapper, Loans loans, Applications applications,
               RuntimeService runtime, Ledger ledger, Clock clock) {
        this.mapper = mapper;
        this.loanMapper = loanMapper;
        this.loans = loans;
        this.applications = applications;
        this.runtime = runtime;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Repayment repay(String borrowerId, String loanId, String idempotencyKey, BigDecimal amount) {
        Loan loan = loans.getOwned(borrowerId, loanId);
        var previous = mapper.findByIdempotencyKey(borrowerId, idempotencyKey);
        if (previous.isPresent()) {
            if (!previous.get().loanId().equals(loanId) || previous.get().amount().compareTo(amount) != 0) {
                throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request");
            }
            return previous.get();
        }
        if (loan.status() != LoanStatus.ACTIVE) {
            throw ApiException.conflict("LOAN_NOT_ACTIVE", "This loan is " + loan.status());
        }
        if (amount.compareTo(loan.outstanding()) > 0) {
            throw ApiException.invalidField("amount", "must not exceed the outstanding " + Money.format(loan.outstanding()));
        }

        BigDecimal left = amount;
        BigDecimal principalPart = Money.ZERO;
        BigDecimal interestPart = Money.ZERO;
        for (Installment installment : loanMapper.findInstallments(loanId)) {
            if (left.signum() == 0) {
                break;
            }
            if (installment.status() == Installment.InstallmentStatus.PAID) {
                continue;
            }
            BigDecimal interest = left.min(installment.interestOwed());
            left = left.subtract(interest);
            BigDecimal principal = left.min(installment.principalOwed());
            left = left.subtract(principal);
            BigDecimal principalPaid = installment.principalPaid().add(principal);
            BigDecimal interestPaid = installment.interestPaid().add(interest);
            boolean paid = principalPaid.compareTo(installment.principalDue()) == 0
                    && interestPaid.compareTo(installment.interestDue()) == 0;
            int rows = loanMapper.updateInstallmentPaid(installment.id(), principalPaid, interestPaid,
                    paid ? Installment.InstallmentStatus.PAID : Installment.InstallmentStatus.PARTIALLY_PAID,
                    installment.version());
            if (rows != 1) {
                throw new OptimisticLockingFailureException("Installment " + installment.id() + " changed concurrently");
            }
            principalPart = principalPart.add(principal);
            interestPart = interestPart.add(interest);
        }

        BigDecimal outstandingPrincipal = loan.outstandingPrincipal().subtract(principalPart);
        BigDecimal outstandingInterest = loan.outstandingInterest().subtract(interestPart);
        boolean settled = outstandingPrincipal.signum() == 0 && outstandingInterest.signum() == 0;
        LocalDateTime now = LocalDateTime.now(clock);
        if (loanMapper.updateOutstanding(loanId, outstandingPrincipal, outstandingInterest,
                settled ? LoanStatus.SETTLED : LoanStatus.ACTIVE, settled ? now : null, loan.version()) != 1) {
            throw new OptimisticLockingFailureException("Loan " + loanId + " changed concurrently");
        }
        Repayment repayment = new Repayment(Ids.newId(), loanId, borrowerId, idempotencyKey, amount, principalPart,
                interestPart, "APPLIED", now);
        try {
            mapper.insert(repayment);
        } catch (DuplicateKeyException concurrentSameKey) {
            throw new OptimisticLockingFailureException("Repayment with this Idempotency-Key is in progress");
        }
        ledger.post(JournalEntry.repayment(repayment.id(), loan.applicationId(), principalPart, interestPart, now));
        if (settled) {
            applications.moveTo(loan.applicationId(), ApplicationStatus.SETTLED, null);
            runtime.createMessageCorrelation("LoanSettled").processInstanceBusinessKey(loan.applicationId()).correlate();
        }
        return repayment;
    }
}
