package com.loanflow.repayment;

import com.loanflow.application.Applications;
import com.loanflow.audit.AuditLog;
import com.loanflow.ledger.JournalEntry;
import com.loanflow.ledger.Ledger;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import com.loanflow.shared.Money;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying back money a loan did not owe (a REFUND_DUE repayment, ADR 0017): the lender sends it to the borrower by bank
 * transfer; one operator records that transfer from the lender's bank statement, another approves it (four eyes, in
 * the database update too), and only then is the repayment REFUNDED and the payable cleared in the ledger. The whole
 * amount goes back, once: the database allows one refund per repayment that is not rejected, and counts an outgoing
 * statement reference once.
 */
@Service
public class Refunds {

    private final RefundMapper mapper;
    private final RepaymentMapper repayments;
    private final LoanMapper loans;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final Applications applications;
    private final BlindIndex blindIndex;

    Refunds(RefundMapper mapper, RepaymentMapper repayments, LoanMapper loans, Ledger ledger, AuditLog audit,
            Clock clock, Applications applications, BlindIndex blindIndex) {
        this.mapper = mapper;
        this.repayments = repayments;
        this.loans = loans;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.applications = applications;
        this.blindIndex = blindIndex;
    }

    /**
     * PENDING until another operator approves it; the same statement line again returns the first record. The payee
     * card on the statement line must be the card on the loan: money owed back goes where it came from, never to an
     * account someone supplies (a refund is the classic way to move money out of a lender). The reference is kept
     * upper-case: the same line in any case.
     */
    @Transactional
    public Refund record(String repaymentId, String reference, java.math.BigDecimal amount, String payeeCard,
                         String operator) {
        String bankReference = reference.toUpperCase(java.util.Locale.ROOT);
        String payeeCardIdx = blindIndex.of(Applications.BANK_CARD_DOMAIN, payeeCard);
        var previous = mapper.findByBankReference(bankReference);
        if (previous.isPresent()) {
            if (!previous.get().repaymentId().equals(repaymentId)) {
                throw ApiException.conflict("BANK_REFERENCE_RECORDED",
                        "This bank reference was already recorded for another refund");
            }
            if (previous.get().amount().compareTo(amount) != 0 || !payeeCardIdx.equals(previous.get().payeeCardIdx())) {
                throw ApiException.conflict("BANK_REFERENCE_RECORDED",
                        "This bank reference was already recorded with another amount or payee card");
            }
            return previous.get();
        }
        Repayment due = repayments.findById(repaymentId).orElseThrow(() -> ApiException.notFound("Repayment"));
        if (!Repayment.REFUND_DUE.equals(due.status())) {
            throw ApiException.conflict("NO_REFUND_DUE", "Repayment " + repaymentId + " is " + due.status()
                    + "; only money the loan did not owe (REFUND_DUE) is refunded");
        }
        if (due.amount().compareTo(amount) != 0) {
            // the whole amount goes back in one transfer: a statement line for another amount is another payment
            throw ApiException.invalidField("amount", "must be the amount owed back, " + Money.format(due.amount()));
        }
        if (mapper.countDisputes(repaymentId) > 0) {
            // the channel contradicted itself or the statement disagrees: it is not certain the money arrived
            throw ApiException.conflict("REFUND_BLOCKED_BY_DISPUTE", "The channel's answers or the reconciliation"
                    + " dispute this debit; resolve that first (GET /ops/v1/payment-callback-conflicts)");
        }
        var open = mapper.findOpenByRepayment(repaymentId);
        if (open.isPresent()) {
            throw ApiException.conflict("REFUND_RECORDED", "Refund " + open.get().id() + " of this repayment is already"
                    + " recorded and awaits a second operator");
        }
        String loanCard = loanCard(due.loanId());
        if (loanCard == null) {
            throw ApiException.conflict("PAYEE_CARD_ERASED", "The borrower's account was closed and its card erased;"
                    + " a refund needs the borrower to give a card again, outside this flow");
        }
        if (!java.security.MessageDigest.isEqual(loanCard.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                payeeCard.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw ApiException.invalidField("payeeCardNumber", "must be the card on the loan, " + Masking.bankCard(loanCard)
                    + ": money owed back is paid only to the account it came from");
        }
        Refund refund = new Refund(Ids.newId(), repaymentId, due.loanId(), due.amount(), bankReference, payeeCardIdx,
                Masking.bankCard(payeeCard), Refund.PENDING, operator, LocalDateTime.now(clock), null, null, null);
        try {
            mapper.insert(refund);
        } catch (DuplicateKeyException e) {
            // a concurrent record of this repayment or this statement line: the retry finds it above, or is refused
            throw new OptimisticLockingFailureException("Refund of repayment " + repaymentId + " recorded concurrently");
        }
        audit.record(operator, "REFUND_RECORDED", "LOAN", due.loanId(), Map.of("refundId", refund.id(),
                "repaymentId", repaymentId, "bankReference", bankReference, "amount", Money.format(due.amount()),
                "payeeCard", refund.payeeCardMasked()));
        return refund;
    }

    /** Another operator confirms the transfer went out: the repayment is REFUNDED, the ledger posts it. Again → same. */
    @Transactional
    public Refund approve(String refundId, String approver) {
        Refund refund = decidable(refundId, approver);
        if (Refund.PAID.equals(refund.status())) {
            return refund;
        }
        requirePending(refund);
        requireThirdPersonForTransferredMoney(refund, approver);
        if (refund.payeeCardIdx() == null) {
            throw ApiException.conflict("REFUND_PAYEE_UNKNOWN", "This refund was recorded without the payee card;"
                    + " reject it and record the statement line again with payeeCardNumber");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (mapper.decide(refundId, Refund.PAID, approver, now, null) != 1
                || repayments.markRefunded(refund.repaymentId()) != 1) {
            throw new OptimisticLockingFailureException("Refund " + refundId + " was decided concurrently");
        }
        Loan loan = loans.findById(refund.loanId()).orElseThrow();
        if (!ledger.post(JournalEntry.refund(refundId, loan.applicationId(), refund.amount(), now))) {
            throw new IllegalStateException("Journal entry REFUND:" + refundId + " exists already");
        }
        audit.record(approver, "REFUND_APPROVED", "LOAN", refund.loanId(), Map.of("refundId", refundId,
                "repaymentId", refund.repaymentId(), "amount", Money.format(refund.amount()),
                "bankReference", refund.bankReference(), "payeeCard", refund.payeeCardMasked(),
                "recordedBy", refund.recordedBy()));
        return mapper.findById(refundId).orElseThrow();
    }

    /**
     * Money owed back from a bank transfer exists because two operators recorded and approved a statement line (a
     * card debit's comes from the channel's signed answer): if the same two could then pay it out, two people could
     * turn an invented line into cash leaving the lender. So the refund's approver must be a third person.
     */
    private void requireThirdPersonForTransferredMoney(Refund refund, String approver) {
        Repayment due = repayments.findById(refund.repaymentId()).orElseThrow();
        if (!Repayment.BANK_TRANSFER.equals(due.method())) {
            return;
        }
        String transferId = Repayments.transferOfExcess(due.idempotencyKey());
        Repayment transfer = transferId == null ? due : repayments.findById(transferId).orElseThrow();
        if (approver.equals(transfer.recordedBy()) || approver.equals(transfer.decidedBy())) {
            throw ApiException.conflict("THIRD_PERSON_REQUIRED", "Money owed back from a bank transfer is approved by"
                    + " an operator who neither recorded nor approved that transfer");
        }
    }

    /** The card the borrower gave on the application: what withholdings debited and where the loan was paid out. */
    private String loanCard(String loanId) {
        Loan loan = loans.findById(loanId).orElseThrow();
        return applications.bankCardNumber(applications.get(loan.applicationId()));
    }

    /** Recorded in error (wrong line, say): nothing was posted; the repayment stays REFUND_DUE for a new record. */
    @Transactional
    public Refund reject(String refundId, String operator, String reason) {
        Refund refund = decidable(refundId, operator);
        requirePending(refund);
        if (mapper.decide(refundId, Refund.REJECTED, operator, LocalDateTime.now(clock), reason) != 1) {
            throw new OptimisticLockingFailureException("Refund " + refundId + " was decided concurrently");
        }
        audit.record(operator, "REFUND_REJECTED", "LOAN", refund.loanId(), Map.of("refundId", refundId,
                "repaymentId", refund.repaymentId(), "amount", Money.format(refund.amount()),
                "bankReference", refund.bankReference(), "recordedBy", refund.recordedBy(), "reason", reason));
        return mapper.findById(refundId).orElseThrow();
    }

    /** The refund of a REFUND_DUE repayment recorded and awaiting approval, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Refund> awaitingApproval(String repaymentId) {
        return mapper.findOpenByRepayment(repaymentId).filter(r -> Refund.PENDING.equals(r.status()));
    }

    /** Refunds awaiting a second operator, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<Refund> pending(int limit) {
        return mapper.findByStatus(Refund.PENDING, limit);
    }

    private Refund decidable(String refundId, String decider) {
        Refund refund = mapper.findById(refundId).orElseThrow(() -> ApiException.notFound("Refund"));
        if (refund.recordedBy().equals(decider)) {
            throw ApiException.conflict("FOUR_EYES_REQUIRED",
                    "A refund is approved or rejected by an operator other than the one who recorded it");
        }
        return refund;
    }

    private static void requirePending(Refund refund) {
        if (!Refund.PENDING.equals(refund.status())) {
            throw ApiException.conflict("REFUND_DECIDED", "This refund is already " + refund.status());
        }
    }
}
