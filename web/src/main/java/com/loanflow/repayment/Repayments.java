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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repayments, applied to the installments by {@link RepaymentAllocation}, and only on money that arrived: a card
 * withholding when the channel confirms the debit ({@link Withholdings}), or a bank transfer that one operator
 * records from the bank statement and another approves. Unique keys — (borrower, Idempotency-Key), the bank reference — and the version-checked
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
    private final LoanSettledSignal settledSignal;
    private final Ledger ledger;
    private final RepaymentAllocation allocation;
    private final AuditLog audit;
    private final Clock clock;
    private final com.loanflow.borrower.Borrowers borrowers;

    Repayments(RepaymentMapper mapper, LoanMapper loanMapper, WithholdingMapper withholdingMapper, Loans loans,
               Applications applications, LoanSettledSignal settledSignal, Ledger ledger, RepaymentAllocation allocation,
               AuditLog audit, Clock clock, com.loanflow.borrower.Borrowers borrowers) {
        this.borrowers = borrowers;
        this.mapper = mapper;
        this.loanMapper = loanMapper;
        this.withholdingMapper = withholdingMapper;
        this.loans = loans;
        this.applications = applications;
        this.settledSignal = settledSignal;
        this.ledger = ledger;
        this.allocation = allocation;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A bank transfer that arrived in the lender's repayment account, recorded by an operator from the bank
     * statement line: PENDING until another operator approves it ({@link #approveBankTransfer}). The bank reference
     * is unique across all loans: recording it again returns the first record, recording it for another loan or
     * amount is refused. Any amount that arrived is recorded, more than the loan owes and for a loan settled
     * meanwhile too: the money is in the lender's account, so it goes on record, and approval applies what the loan
     * owed and makes the rest owed back to the borrower (REFUND_DUE). The value date is the statement line's: the
     * day the money reached the lender's account, which approval applies it as of. A reference is the same in any
     * case (an operator retyping a line in lower case records the same line): it is kept upper-case.
     */
    @Transactional
    public Repayment recordBankTransfer(String loanId, String reference, BigDecimal amount, LocalDate valueDate,
                                        String operator) {
        String bankReference = reference.toUpperCase(java.util.Locale.ROOT);
        var previous = mapper.findByBankReference(bankReference);
        if (previous.isPresent()) {
            Repayment p = previous.get();
            if (!p.loanId().equals(loanId) || statementAmount(p).compareTo(amount) != 0
                    || p.valueDate() != null && !p.valueDate().equals(valueDate)) {
                throw ApiException.conflict("BANK_REFERENCE_RECORDED",
                        "This bank reference was already recorded for another loan, amount or value date");
            }
            return p;
        }
        loans.catchUpAccrual(loanId);
        Loan loan = loanMapper.findById(loanId).orElseThrow(() -> ApiException.notFound("Loan"));
        // under the borrower's row lock, like a closure: a transfer is recorded before the account closes (which it
        // then holds open until it is decided) or not at all. Money for a closed account may have to go back where it
        // came from, not to a card the erasure may have taken: that is handled outside the platform.
        borrowers.lockBorrower(loan.borrowerId());
        if (valueDate.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalidField("valueDate", "must not be in the future");
        }
        if (valueDate.isBefore(loan.disbursedAt().toLocalDate())) {
            throw ApiException.invalidField("valueDate", "must not be before the loan was disbursed ("
                    + loan.disbursedAt().toLocalDate() + ")");
        }
        // a card debit quoted before this line counted no transfer in flight: it must quote again (claimVersion)
        loanMapper.bumpVersion(loanId);
        String id = Ids.newId();
        // the borrower's keys cannot contain ':', so no key of theirs can take this one (V22)
        Repayment repayment = new Repayment(id, loanId, loan.borrowerId(), "BANK:" + id, amount,
                Money.ZERO, Money.ZERO, Repayment.PENDING, LocalDateTime.now(clock), Money.ZERO, Repayment.BANK_TRANSFER,
                bankReference, operator, null, valueDate, Money.ZERO);
        insert(repayment);
        audit.record(operator, "REPAYMENT_BANK_TRANSFER_RECORDED", "LOAN", loanId, Map.of("repaymentId",
                repayment.id(), "bankReference", bankReference, "amount", Money.format(amount),
                "valueDate", valueDate.toString()));
        return repayment;
    }

    /**
     * Applies a recorded bank transfer: by an operator other than the one who recorded it (four eyes; the database
     * update checks it too), as of its value date ({@link ValueDating}): overdue interest accrued since then on what
     * it repaid is waived, and exactly the amount that settled the loan on that date settles it. Approving an applied
     * transfer again returns it.
     */
    @Transactional
    public Repayment approveBankTransfer(String repaymentId, String approver) {
        // approvals of one loan's transfers one at a time: the same transfer approved twice at once (a double click,
        // two operators) read the loan before the first applied it and its installments after, and failed half-way;
        // now the second waits, reads the transfer APPLIED and returns it. The transfer is read with a lock of its
        // own: H2 makes a commit visible row by row, so a waiter woken by the loan's lock could still read the
        // transfer PENDING next to a SETTLED loan (seen once in CI); a locking read waits for the transfer's row
        String loanId = pendingTransfer(repaymentId, approver, false).loanId();
        loans.catchUpAccrual(loanId); // what the loan owes as the nightly run will have it, however early this is
        loanMapper.lockForUpdate(loanId);
        Repayment pending = pendingTransfer(repaymentId, approver, true);
        if (java.util.Set.of(Repayment.APPLIED, Repayment.REFUND_DUE, Repayment.REFUNDED).contains(pending.status())) {
            return pending; // approved before (applied, or owed back): the same answer
        }
        if (!Repayment.PENDING.equals(pending.status())) {
            throw ApiException.conflict("BANK_TRANSFER_DECIDED", "This bank transfer is already " + pending.status());
        }
        Loan loan = loanMapper.findById(pending.loanId()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate valueDate = pending.valueDate() == null ? now.toLocalDate() : pending.valueDate();
        if (loan.status() != LoanStatus.ACTIVE) {
            return refundWhole(pending, loan, approver, now);
        }
        BigDecimal owed = owedAsOf(loan, valueDate);
        BigDecimal openWithholding = withholdingMapper.sumOpen(loan.id());
        if (openWithholding.signum() > 0 && openWithholding.add(pending.amount()).compareTo(owed) > 0) {
            // what the loan still owes depends on a card debit the channel has not answered: approve once it has, and
            // what the transfer then brings beyond the loan is owed back, not guessed now
            throw ApiException.conflict("WITHHOLDING_IN_PROGRESS", "A card withholding for this loan is in progress;"
                    + " approve this transfer once it has ended");
        }
        // what the loan owed as of the value date is applied (exactly that settles it then); the rest is owed back
        BigDecimal toApply = pending.amount().min(owed);
        BigDecimal excess = pending.amount().subtract(toApply);
        AppliedAsOf dated = applyAsOf(loan, toApply, valueDate, pending.id(), now, true);
        RepaymentAllocation.Applied applied = dated.applied();
        BigDecimal waived = dated.waived();
        var split = applied.allocation();
        if (mapper.decideTransfer(pending.id(), Repayment.APPLIED, toApply, split.principal(), split.interest(),
                split.penalty(), waived, approver, now) != 1) {
            throw new OptimisticLockingFailureException("Bank transfer " + pending.id() + " was decided concurrently");
        }
        ledger.post(JournalEntry.repayment(pending.id(), loan.applicationId(), split, now));
        if (excess.signum() > 0) {
            recordExcess(pending, loan, excess, approver, now);
        }
        if (applied.interestReversed().signum() > 0) {
            ledger.post(JournalEntry.interestReversal(pending.id(), loan.applicationId(), applied.interestReversed(),
                    now));
        }
        audit.record(approver, "REPAYMENT_BANK_TRANSFER_APPROVED", "LOAN", loan.id(), Map.of("repaymentId",
                pending.id(), "bankReference", pending.bankReference(), "amount", Money.format(pending.amount()),
                "recordedBy", pending.recordedBy(), "valueDate", valueDate.toString(),
                "penaltyWaived", Money.format(waived), "interestReversed", Money.format(applied.interestReversed()),
                "applied", Money.format(toApply), "refundDue", Money.format(excess)));
        if (applied.settled()) {
            settle(loan);
        }
        return mapper.findById(pending.id()).orElseThrow();
    }

    /** The idempotency key of the row holding what a transfer brought beyond its loan: one per transfer (V1's key). */
    static String excessKey(String transferId) {
        return EXCESS_KEY_PREFIX + transferId;
    }

    private static final String EXCESS_KEY_PREFIX = "BANK-EXCESS:";

    /** The transfer an excess row was split off, from its idempotency key; null for any other repayment. */
    static String transferOfExcess(String idempotencyKey) {
        return idempotencyKey.startsWith(EXCESS_KEY_PREFIX) ? idempotencyKey.substring(EXCESS_KEY_PREFIX.length())
                : null;
    }

    /** What the statement line said: the transfer row, plus the excess split off it at approval. */
    private BigDecimal statementAmount(Repayment transfer) {
        if (Repayment.PENDING.equals(transfer.status())) {
            // read before an approval committed: its amount is still the line's, whatever excess the approval adds
            return transfer.amount();
        }
        return transfer.amount().add(mapper.findByIdempotencyKey(transfer.borrowerId(), excessKey(transfer.id()))
                .map(Repayment::amount).orElse(Money.ZERO));
    }

    /** What settles the loan as of the value date: today's quote, or for money of an earlier day that day's payoff. */
    private BigDecimal owedAsOf(Loan loan, LocalDate valueDate) {
        return valueDate.isBefore(LocalDate.now(clock))
                ? ValueDating.payoff(loan, loanMapper.findInstallments(loan.id()), valueDate,
                        loanMapper.findAccrualDaysBetween(loan.id(), valueDate, LocalDate.now(clock)))
                : loans.settlementQuote(loan).total();
    }

    /**
     * The part of a transfer its loan did not owe: a REFUND_DUE repayment of its own (the unique key on borrower and
     * idempotency key makes it one per transfer), received, on the ledger as owed back, refunded like any other.
     */
    private void recordExcess(Repayment transfer, Loan loan, BigDecimal excess, String approver, LocalDateTime now) {
        Repayment due = new Repayment(Ids.newId(), loan.id(), transfer.borrowerId(), excessKey(transfer.id()), excess,
                Money.ZERO, Money.ZERO, Repayment.REFUND_DUE, now, Money.ZERO, Repayment.BANK_TRANSFER, null,
                transfer.recordedBy(), approver, transfer.valueDate(), Money.ZERO);
        insert(due);
        ledger.post(JournalEntry.unowedReceipt(due.id(), loan.applicationId(), excess, now));
        log.warn("Bank transfer {} for loan {} brought {} more than the loan owed: repayment {} is REFUND_DUE",
                transfer.id(), loan.id(), Money.format(excess), due.id());
    }

    /** A transfer for a loan settled meanwhile (by a withholding, another transfer): all of it is owed back. */
    private Repayment refundWhole(Repayment pending, Loan loan, String approver, LocalDateTime now) {
        if (mapper.decideTransfer(pending.id(), Repayment.REFUND_DUE, pending.amount(), Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, approver, now) != 1) {
            throw new OptimisticLockingFailureException("Bank transfer " + pending.id() + " was decided concurrently");
        }
        ledger.post(JournalEntry.unowedReceipt(pending.id(), loan.applicationId(), pending.amount(), now));
        audit.record(approver, "REPAYMENT_BANK_TRANSFER_APPROVED", "LOAN", loan.id(), Map.of("repaymentId",
                pending.id(), "bankReference", pending.bankReference(), "amount", Money.format(pending.amount()),
                "recordedBy", pending.recordedBy(), "applied", Money.format(Money.ZERO),
                "refundDue", Money.format(pending.amount()), "loanStatus", loan.status().name()));
        log.warn("Bank transfer {} for loan {} that is {}: all of it is REFUND_DUE", pending.id(), loan.id(),
                loan.status());
        return mapper.findById(pending.id()).orElseThrow();
    }

    /** Rejects a recorded bank transfer (recorded against the wrong loan, say); nothing was applied or posted. */
    @Transactional
    public Repayment rejectBankTransfer(String repaymentId, String operator, String reason) {
        Repayment pending = pendingTransfer(repaymentId, operator);
        if (!Repayment.PENDING.equals(pending.status())) {
            throw ApiException.conflict("BANK_TRANSFER_DECIDED", "This bank transfer is already " + pending.status());
        }
        if (mapper.decideTransfer(pending.id(), Repayment.REJECTED, pending.amount(), Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO,
                operator, LocalDateTime.now(clock)) != 1) {
            throw new OptimisticLockingFailureException("Bank transfer " + pending.id() + " was decided concurrently");
        }
        audit.record(operator, "REPAYMENT_BANK_TRANSFER_REJECTED", "LOAN", pending.loanId(), Map.of("repaymentId",
                pending.id(), "bankReference", pending.bankReference(), "reason", reason));
        return mapper.findById(pending.id()).orElseThrow();
    }

    private Repayment pendingTransfer(String repaymentId, String decider) {
        return pendingTransfer(repaymentId, decider, false);
    }

    private Repayment pendingTransfer(String repaymentId, String decider, boolean lock) {
        Repayment transfer = (lock ? mapper.findByIdForUpdate(repaymentId) : mapper.findById(repaymentId))
                .filter(r -> Repayment.BANK_TRANSFER.equals(r.method()))
                .orElseThrow(() -> ApiException.notFound("Bank transfer"));
        if (transfer.recordedBy().equals(decider)) {
            throw ApiException.conflict("FOUR_EYES_REQUIRED",
                    "A bank transfer is approved or rejected by an operator other than the one who recorded it");
        }
        return transfer;
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
                null, null, null, Money.ZERO);
        insert(repayment);
        return repayment;
    }

    /**
     * The channel confirmed the debit: apply the money now, once (the caller holds the callback's unique key). If the
     * loan no longer owes it (settled another way meanwhile), the money is recorded as received and owed back to the
     * borrower (REFUND_DUE), not applied — and not refused: the channel's answer is a fact, and refusing it would
     * only make the channel repeat it.
     */
    void applyConfirmed(Repayment pending, LocalDate acceptedOn) {
        // the loan's row before it is read: a bank transfer being recorded (which gives the loan a new version) is
        // waited for, not a version conflict that fails the channel's callback
        loanMapper.lockForUpdate(pending.loanId());
        // as the quote it was asked against saw it (quotes are given with yesterday accrued, LoanAccrual.catchUp)
        loans.catchUpAccrual(pending.loanId());
        Loan loan = loanMapper.findById(pending.loanId()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        if (loan.status() != LoanStatus.ACTIVE || pending.amount().compareTo(loans.settlementQuote(loan).total()) > 0) {
            if (mapper.settlePending(pending.id(), Repayment.REFUND_DUE, Money.ZERO, Money.ZERO, Money.ZERO,
                    Money.ZERO, now.toLocalDate()) != 1) {
                throw new OptimisticLockingFailureException("Repayment " + pending.id() + " is no longer pending");
            }
            ledger.post(JournalEntry.unowedReceipt(pending.id(), loan.applicationId(), pending.amount(), now));
            log.error("Withheld {} for loan {} that it no longer owes (status {}): repayment {} is REFUND_DUE",
                    Money.format(pending.amount()), loan.id(), loan.status(), pending.id());
            return;
        }
        // the day the channel accepted the debit, when the card was charged: a confirmation after midnight (the
        // channel's callback retries run for a day) must not turn a settlement into a partial payment, nor charge
        // the overdue interest of the days in between
        LocalDate valueDate = acceptedOn;
        AppliedAsOf dated = applyAsOf(loan, pending.amount(), valueDate, pending.id(), now, false);
        RepaymentAllocation.Applied applied = dated.applied();
        var split = applied.allocation();
        if (mapper.settlePending(pending.id(), Repayment.APPLIED, split.principal(), split.interest(),
                split.penalty(), dated.waived(), valueDate) != 1) {
            throw new OptimisticLockingFailureException("Repayment " + pending.id() + " is no longer pending");
        }
        ledger.post(JournalEntry.repayment(pending.id(), loan.applicationId(), split, now));
        if (applied.interestReversed().signum() > 0) {
            ledger.post(JournalEntry.interestReversal(pending.id(), loan.applicationId(), applied.interestReversed(),
                    now));
        }
        if (applied.settled()) {
            settle(loan);
        }
    }

    /** What applying money as of its value date did: the allocation, and the overdue interest it waived. */
    private record AppliedAsOf(RepaymentAllocation.Applied applied, BigDecimal waived) {
    }

    /**
     * Applies money that reached the lender on {@code valueDate} (ADR 0028): today's money as today's; money of an
     * earlier day as of that day ({@link ValueDating}): overdue interest accrued since on what it repaid is waived
     * (and taken off the ledger), and exactly what settled the loan that day settles it as of then.
     *
     * @param refuseWaiverUnderWithholding a bank transfer may not lower what the loan owes under a card withholding
     *                                     still in flight (its debit could then exceed the loan)
     */
    private AppliedAsOf applyAsOf(Loan loan, BigDecimal amount, LocalDate valueDate, String repaymentId,
                                  LocalDateTime now, boolean refuseWaiverUnderWithholding) {
        ValueDating.Plan plan = ValueDating.plan(loan, loanMapper.findInstallments(loan.id()), valueDate,
                loanMapper.findAccrualDaysBetween(loan.id(), valueDate, now.toLocalDate()), amount,
                now.toLocalDate());
        if (refuseWaiverUnderWithholding && plan.totalWaived().signum() > 0
                && withholdingMapper.sumOpen(loan.id()).signum() > 0) {
            // the waiver lowers what the loan owes under a debit the channel may still make: it could then exceed
            // the loan and be owed back whole; approve once the withholding has its answer
            throw ApiException.conflict("WITHHOLDING_IN_PROGRESS",
                    "A card withholding for this loan is in progress; approve this transfer once it has ended");
        }
        BigDecimal waived = allocation.waivePenalty(loan, plan.waived());
        if (waived.signum() > 0) {
            ledger.post(JournalEntry.penaltyWaiver(repaymentId, loan.applicationId(), waived, now));
            loan = loanMapper.findById(loan.id()).orElseThrow();
        }
        RepaymentAllocation.Applied applied = plan.settlesEarly()
                ? allocation.settle(loan, loans.settlementQuoteAsOfValueDate(loan, valueDate), now)
                : plan.payLast().isEmpty() ? applyOrSettle(loan, amount, now)
                : allocation.apply(loan, amount, now, plan.payLast());
        return new AppliedAsOf(applied, waived);
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
        if (mapper.settlePending(pending.id(), Repayment.FAILED, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                null) != 1) {
            // applied or failed by a concurrent answer: roll back, so the withholding is not marked FAILED beside it
            throw new OptimisticLockingFailureException("Repayment " + pending.id() + " is no longer pending");
        }
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
        Loan loan = loans.getOwnedUpToDate(borrowerId, loanId);
        checkRepayable(loan, amount);
        return loan;
    }

    /**
     * No overpayment: the most a loan can take is what settles it today (the settlement quote), less what a
     * withholding in flight or recorded bank transfers may still bring.
     */
    private void checkRepayable(Loan loan, BigDecimal amount) {
        if (loan.status() != LoanStatus.ACTIVE) {
            throw ApiException.conflict("LOAN_NOT_ACTIVE", "This loan is " + loan.status());
        }
        BigDecimal settlement = loans.settlementQuote(loan).total();
        BigDecimal inFlight = withholdingMapper.sumOpen(loan.id()).add(mapper.sumPendingTransfers(loan.id(), null));
        if (amount.compareTo(settlement.subtract(inFlight)) > 0) {
            if (loanMapper.currentVersion(loan.id()).orElse(-1) != loan.version()) {
                // the quote mixed the loan read before a concurrent repayment with installments read after it
                // (a fresh read: findById here would return MyBatis' cached copy of the row read above)
                throw new OptimisticLockingFailureException("Loan " + loan.id() + " changed while it was quoted");
            }
            throw ApiException.invalidField("amount", "must not exceed the settlement amount "
                    + Money.format(settlement)
                    + (inFlight.signum() > 0 ? " less the withholding or transfers in progress " + Money.format(inFlight)
                    : "")
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
        settledSignal.afterCommit(loan.applicationId());
    }
}
