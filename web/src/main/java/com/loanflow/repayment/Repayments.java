package com.loanflow.repayment;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.audit.AuditLog;
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
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repayments, applied to the installments by {@link RepaymentAllocation}, and only on money that arrived: a card
 * withholding when the channel confirms the debit ({@link Withholdings}), or a bank transfer that operations record
 * from the bank statement. Unique keys — (borrower, Idempotency-Key), the bank reference — and the version-checked
 * loan update make a repeated or concurrent request count once, and so is its ledger entry, posted in the same
 * transaction. Nothing is applied on the borrower's word alone.
 */
@Service
public class Repayments {

    private static final Logger log = LoggerFactory.getLogger(Repayments.class);

    private final RepaymentMapper mapper;
    private final LoanMapper loanMapper;
    private final WithholdingMapper withholdingMapper;
    private final Loans loans;
    private final Applications applications;
    private final RuntimeService runtime;
    private final Ledger ledger;
    private final RepaymentAllocation allocation;
    private final AuditLog audit;
    private final Clock clock;

    Repayments(RepaymentMapper mapper, LoanMapper loanMapper, WithholdingMapper withholdingMapper, Loans loans,
               Applications applications, RuntimeService runtime, Ledger ledger, RepaymentAllocation allocation,
               AuditLog audit, Clock clock) {
        this.mapper = mapper;
        this.loanMapper = loanMapper;
        this.withholdingMapper = withholdingMapper;
        this.loans = loans;
        this.applications = applications;
        this.runtime = runtime;
        this.ledger = ledger;
        this.allocation = allocation;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A bank transfer that arrived in the lender's repayment account, recorded by an operator from the bank
     * statement line. The bank reference is unique across all loans: recording it again returns the first record,
     * recording it for another loan or amount is refused. More than the loan owes, less any withholding in flight,
     * is refused too (record it once the withholding has ended, or refund the excess).
     */
    @Transactional
    public Repayment recordBankTransfer(String loanId, String bankReference, BigDecimal amount, String operator) {
        var previous = mapper.findByBankReference(bankReference);
        if (previous.isPresent()) {
            Repayment p = previous.get();
            if (!p.loanId().equals(loanId) || p.amount().compareTo(amount) != 0) {
                throw ApiException.conflict("BANK_REFERENCE_RECORDED",
                        "This bank reference was already recorded for another loan or amount");
            }
            return p;
        }
        Loan loan = loanMapper.findById(loanId).orElseThrow(() -> ApiException.notFound("Loan"));
        checkRepayable(loan, amount);
        LocalDateTime now = LocalDateTime.now(clock);
        RepaymentAllocation.Applied applied = applyOrSettle(loan, amount, now);
        var split = applied.allocation();
        Repayment repayment = new Repayment(Ids.newId(), loanId, loan.borrowerId(), "BANK-" + bankReference, amount,
                split.principal(), split.interest(), Repayment.APPLIED, now, split.penalty(), Repayment.BANK_TRANSFER,
                bankReference, operator);
        insert(repayment);
        ledger.post(JournalEntry.repayment(repayment.id(), loan.applicationId(), split, now));
        audit.record(operator, "REPAYMENT_BANK_TRANSFER_RECORDED", "LOAN", loanId, Map.of("repaymentId",
                repayment.id(), "bankReference", bankReference, "amount", Money.format(amount)));
        if (applied.settled()) {
            settle(loan);
        }
        return repayment;
    }

    /** One of the borrower's repayments of this loan; empty for anyone else's (no hint that it exists). */
    @Transactional(readOnly = true)
    public java.util.Optional<Repayment> getOwned(String borrowerId, String loanId, String repaymentId) {
        loans.getOwned(borrowerId, loanId);
        return mapper.findById(repaymentId).filter(r -> r.loanId().equals(loanId));
    }

    /** Records a PENDING repayment; the caller's Withholdings creates its withholding in the same transaction. */
    Repayment recordPending(String borrowerId, Loan loan, String idempotencyKey, BigDecimal amount) {
        Repayment repayment = new Repayment(Ids.newId(), loan.id(), borrowerId, idempotencyKey, amount, Money.ZERO,
                Money.ZERO, Repayment.PENDING, LocalDateTime.now(clock), Money.ZERO, Repayment.CARD_WITHHOLDING, null,
                null);
        insert(repayment);
        return repayment;
    }

    /**
     * The channel confirmed the debit: apply the money now, once (the caller holds the callback's unique key). If the
     * loan no longer owes it (settled another way meanwhile), the money is recorded as received and owed back to the
     * borrower (REFUND_DUE), not applied — and not refused: the channel's answer is a fact, and refusing it would
     * only make the channel repeat it.
     */
    void applyConfirmed(Repayment pending) {
        Loan loan = loanMapper.findById(pending.loanId()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        if (loan.status() != LoanStatus.ACTIVE || pending.amount().compareTo(loans.settlementQuote(loan).total()) > 0) {
            if (mapper.settlePending(pending.id(), Repayment.REFUND_DUE, Money.ZERO, Money.ZERO, Money.ZERO) != 1) {
                throw new OptimisticLockingFailureException("Repayment " + pending.id() + " is no longer pending");
            }
            ledger.post(JournalEntry.unowedReceipt(pending.id(), loan.applicationId(), pending.amount(), now));
            log.error("Withheld {} for loan {} that it no longer owes (status {}): repayment {} is REFUND_DUE",
                    Money.format(pending.amount()), loan.id(), loan.status(), pending.id());
            return;
        }
        RepaymentAllocation.Applied applied = applyOrSettle(loan, pending.amount(), now);
        var split = applied.allocation();
        if (mapper.settlePending(pending.id(), Repayment.APPLIED, split.principal(), split.interest(),
                split.penalty()) != 1) {
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
        mapper.settlePending(pending.id(), Repayment.FAILED, Money.ZERO, Money.ZERO, Money.ZERO);
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

    /** The borrower's own loan, if it may take this amount now. */
    Loan repayable(String borrowerId, String loanId, BigDecimal amount) {
        Loan loan = loans.getOwned(borrowerId, loanId);
        checkRepayable(loan, amount);
        return loan;
    }

    /**
     * No overpayment: the most a loan can take is what settles it today (the settlement quote), less what a
     * withholding in flight may still collect.
     */
    private void checkRepayable(Loan loan, BigDecimal amount) {
        if (loan.status() != LoanStatus.ACTIVE) {
            throw ApiException.conflict("LOAN_NOT_ACTIVE", "This loan is " + loan.status());
        }
        BigDecimal settlement = loans.settlementQuote(loan).total();
        BigDecimal inFlight = withholdingMapper.sumOpen(loan.id());
        if (amount.compareTo(settlement.subtract(inFlight)) > 0) {
            if (loanMapper.currentVersion(loan.id()).orElse(-1) != loan.version()) {
                // the quote mixed the loan read before a concurrent repayment with installments read after it
                // (a fresh read: findById here would return MyBatis' cached copy of the row read above)
                throw new OptimisticLockingFailureException("Loan " + loan.id() + " changed while it was quoted");
            }
            throw ApiException.invalidField("amount", "must not exceed the settlement amount " + Money.format(settlement)
                    + (inFlight.signum() > 0 ? " less the withholding in progress " + Money.format(inFlight) : "")
                    + " (see /api/v1/loans/" + loan.id() + "/settlement-quote)");
        }
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
