package com.loanflow.repayment;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.ledger.JournalEntry;
import com.loanflow.ledger.Ledger;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.loan.LoanStatus;
import com.loanflow.loan.Loans;
import com.loanflow.loan.SettlementQuote;
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
 * Repayments, applied to the installments by {@link RepaymentAllocation}. The (borrower, Idempotency-Key) unique key
 * and the version-checked loan update make a repeated or concurrent request count once, and so is its ledger entry,
 * posted in the same transaction. A DIRECT repayment applies at once; a CARD_WITHHOLDING one is recorded PENDING
 * with its withholding request ({@link Withholdings}) and applied only when the channel confirms the debit.
 */
@Service
public class Repayments {

    private final RepaymentMapper mapper;
    private final LoanMapper loanMapper;
    private final Loans loans;
    private final Applications applications;
    private final RuntimeService runtime;
    private final Ledger ledger;
    private final RepaymentAllocation allocation;
    private final Clock clock;

    Repayments(RepaymentMapper mapper, LoanMapper loanMapper, Loans loans, Applications applications,
               RuntimeService runtime, Ledger ledger, RepaymentAllocation allocation, Clock clock) {
        this.mapper = mapper;
        this.loanMapper = loanMapper;
        this.loans = loans;
        this.applications = applications;
        this.runtime = runtime;
        this.ledger = ledger;
        this.allocation = allocation;
        this.clock = clock;
    }

    @Transactional
    public Repayment repay(String borrowerId, String loanId, String idempotencyKey, BigDecimal amount) {
        var previous = previous(borrowerId, loanId, idempotencyKey, amount, Repayment.DIRECT);
        if (previous != null) {
            return previous;
        }
        Loan loan = repayable(borrowerId, loanId, amount);
        LocalDateTime now = LocalDateTime.now(clock);
        RepaymentAllocation.Applied applied = applyOrSettle(loan, amount, now);
        var split = applied.allocation();
        Repayment repayment = new Repayment(Ids.newId(), loanId, borrowerId, idempotencyKey, amount, split.principal(),
                split.interest(), "APPLIED", now, split.penalty(), Repayment.DIRECT);
        insert(repayment);
        ledger.post(JournalEntry.repayment(repayment.id(), loan.applicationId(), split, now));
        if (applied.settled()) {
            settle(loan);
        }
        return repayment;
    }

    /** Records a PENDING repayment; the caller's Withholdings creates its withholding in the same transaction. */
    Repayment recordPending(String borrowerId, Loan loan, String idempotencyKey, BigDecimal amount) {
        Repayment repayment = new Repayment(Ids.newId(), loan.id(), borrowerId, idempotencyKey, amount, Money.ZERO,
                Money.ZERO, "PENDING", LocalDateTime.now(clock), Money.ZERO, Repayment.CARD_WITHHOLDING);
        insert(repayment);
        return repayment;
    }

    /** The channel confirmed the debit: apply the money now, once (the caller holds the callback's unique key). */
    void applyConfirmed(Repayment pending) {
        Loan loan = loanMapper.findById(pending.loanId()).orElseThrow();
        BigDecimal owed = loans.settlementQuote(loan).total();
        if (loan.status() != LoanStatus.ACTIVE || pending.amount().compareTo(owed) > 0) {
            // the card was debited but the loan no longer owes it (settled another way): ops must refund
            throw new IllegalStateException("Withheld " + pending.amount() + " exceeds what loan " + loan.id()
                    + " owes (" + owed + ")");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        RepaymentAllocation.Applied applied = applyOrSettle(loan, pending.amount(), now);
        var split = applied.allocation();
        if (mapper.settlePending(pending.id(), "APPLIED", split.principal(), split.interest(), split.penalty()) != 1) {
            throw new OptimisticLockingFailureException("Repayment " + pending.id() + " is no longer pending");
        }
        ledger.post(JournalEntry.repayment(pending.id(), loan.applicationId(), split, now));
        if (applied.settled()) {
            settle(loan);
        }
    }

    /**
     * Exactly the settlement quote's total settles the loan early (interest only for the days elapsed); less is
     * applied to the schedule, oldest installment first. The caller has refused more than the quote.
     */
    private RepaymentAllocation.Applied applyOrSettle(Loan loan, BigDecimal amount, LocalDateTime now) {
        SettlementQuote quote = loans.settlementQuote(loan, now.toLocalDate());
        if (amount.compareTo(quote.total()) == 0) {
            return allocation.settle(loan, quote, now);
        }
        return allocation.apply(loan, amount, now);
    }

    void markFailed(Repayment pending) {
        mapper.settlePending(pending.id(), "FAILED", Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** The same key again returns the first repayment; the same key for a different request is a conflict. */
    Repayment previous(String borrowerId, String loanId, String idempotencyKey, BigDecimal amount, String method) {
        loans.getOwned(borrowerId, loanId);
        var previous = mapper.findByIdempotencyKey(borrowerId, idempotencyKey);
        if (previous.isEmpty()) {
            return null;
        }
        Repayment p = previous.get();
        if (!p.loanId().equals(loanId) || p.amount().compareTo(amount) != 0 || !p.method().equals(method)) {
            throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request");
        }
        return p;
    }

    Loan repayable(String borrowerId, String loanId, BigDecimal amount) {
        Loan loan = loans.getOwned(borrowerId, loanId);
        if (loan.status() != LoanStatus.ACTIVE) {
            throw ApiException.conflict("LOAN_NOT_ACTIVE", "This loan is " + loan.status());
        }
        // no overpayment: the most a loan can take is what settles it today (the settlement quote)
        BigDecimal settlement = loans.settlementQuote(loan).total();
        if (amount.compareTo(settlement) > 0) {
            if (loanMapper.currentVersion(loanId).orElse(-1) != loan.version()) {
                // the quote mixed the loan read before a concurrent repayment with installments read after it
                // (a fresh read: findById here would return MyBatis' cached copy of the row read above)
                throw new OptimisticLockingFailureException("Loan " + loanId + " changed while it was quoted");
            }
            throw ApiException.invalidField("amount", "must not exceed the settlement amount " + Money.format(settlement)
                    + " (see /api/v1/loans/" + loanId + "/settlement-quote)");
        }
        return loan;
    }

    private void insert(Repayment repayment) {
        try {
            mapper.insert(repayment);
        } catch (DuplicateKeyException concurrentSameKey) {
            throw new OptimisticLockingFailureException("Repayment with this Idempotency-Key is in progress");
        }
    }

    private void settle(Loan loan) {
        applications.moveTo(loan.applicationId(), ApplicationStatus.SETTLED, null);
        runtime.createMessageCorrelation("LoanSettled").processInstanceBusinessKey(loan.applicationId()).correlate();
    }
}
