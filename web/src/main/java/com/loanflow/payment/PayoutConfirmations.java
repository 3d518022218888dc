package com.loanflow.payment;

import com.loanflow.audit.AuditLog;
import com.loanflow.shared.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payout the channel accepted and never answered: no callback came and its status query gives nothing final (the
 * channel lost the request's state, or keeps saying PROCESSING). The borrower signed and waits, the application sits in
 * DISBURSING, and only the channel's people can say what happened. Operations settle it from what the channel confirmed
 * (its support ticket), four eyes: one operator records it, another applies it, through the same path as the channel's
 * own callback ({@link Disbursements#applyCallback}): recorded once in payment_callback, the ledger posted, the process
 * told. A callback or status answer that arrives after it is a duplicate (same answer) or a conflict kept for operations
 * (a different one), never a second change. Only for payouts sent longer ago than {@code loanflow.metrics.stuck-after}
 * (the LoanflowPayoutStuck alert's threshold): before that, the channel's answer is still expected.
 */
@Service
public class PayoutConfirmations {

    static final String NOT_PAID_CODE = "CONFIRMED_NOT_PAID";

    /** A payout left without the channel's answer, and any confirmation recorded for it. */
    public record Unanswered(Disbursement payout, Optional<DisbursementMapper.Confirmation> confirmation) {
    }

    private final DisbursementMapper mapper;
    private final Disbursements disbursements;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration answerExpectedWithin;

    PayoutConfirmations(DisbursementMapper mapper, Disbursements disbursements, AuditLog audit, Clock clock,
                        @Value("${loanflow.metrics.stuck-after:PT30M}") Duration answerExpectedWithin) {
        this.mapper = mapper;
        this.disbursements = disbursements;
        this.audit = audit;
        this.clock = clock;
        this.answerExpectedWithin = answerExpectedWithin;
    }

    /** Payouts sent and unanswered for longer than the channel's answer is expected, oldest first. */
    public List<Unanswered> unanswered(int limit) {
        return mapper.findSentBefore(LocalDateTime.now(clock).minus(answerExpectedWithin), null, null, limit).stream()
                .map(d -> new Unanswered(d, mapper.findConfirmation(d.id()))).toList();
    }

    /**
     * Records what the channel confirmed: SUCCEEDED with its transaction id, or FAILED (the money never left). The same
     * confirmation again returns it; a different one while one is on record is refused.
     */
    @Transactional
    public DisbursementMapper.Confirmation record(String disbursementId, String status, String channelTxnId,
                                                  String ticket, String operator) {
        lock(disbursementId);
        Disbursement d = awaitingAnswer(disbursementId);
        var previous = mapper.findConfirmation(d.id());
        if (previous.isPresent()) {
            var p = previous.get();
            if (p.status().equals(status) && java.util.Objects.equals(p.channelTxnId(), channelTxnId)
                    && p.ticket().equals(ticket)) {
                return p;
            }
            throw ApiException.conflict("CONFIRMATION_RECORDED", "A different confirmation is on record for this"
                    + " payout; a second operator approves or rejects it first");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (d.updatedAt().isAfter(now.minus(answerExpectedWithin))) {
            throw ApiException.conflict("ANSWER_STILL_EXPECTED", "The channel accepted this payout at "
                    + d.updatedAt() + "; its answer is expected until " + d.updatedAt().plus(answerExpectedWithin));
        }
        if (mapper.recordConfirmation(d.id(), status, channelTxnId, ticket, operator, now) != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Payout " + d.id() + " changed");
        }
        audit.record(operator, "PAYOUT_CONFIRMATION_RECORDED", "DISBURSEMENT", d.id(), Map.of("requestId",
                d.requestId(), "status", status, "channelTransactionId", channelTxnId == null ? "" : channelTxnId,
                "ticket", ticket));
        return mapper.findConfirmation(d.id()).orElseThrow();
    }

    /**
     * Applies the recorded confirmation as the channel's answer: by an operator other than the one who recorded it,
     * and only the one they reviewed ({@code reviewed}: its status, transaction id and ticket), so that a confirmation
     * rejected and recorded anew meanwhile is not applied unseen. Under the payout's row lock, like recording and
     * rejecting.
     */
    @Transactional
    public Disbursements.CallbackOutcome approve(String disbursementId, DisbursementMapper.Confirmation reviewed,
                                                 String approver) {
        lock(disbursementId);
        Disbursement d = mapper.findById(disbursementId).orElseThrow(() -> ApiException.notFound("Disbursement"));
        var confirmation = mapper.findConfirmation(d.id()).orElseThrow(() -> ApiException.conflict(
                "NO_CONFIRMATION", "No confirmation of the channel is recorded for this payout"));
        if (confirmation.recordedBy().equals(approver)) {
            throw ApiException.conflict("FOUR_EYES_REQUIRED", "The operator who recorded the confirmation cannot"
                    + " apply it");
        }
        if (!confirmation.status().equals(reviewed.status())
                || !java.util.Objects.equals(confirmation.channelTxnId(), reviewed.channelTxnId())
                || !confirmation.ticket().equals(reviewed.ticket())) {
            throw ApiException.conflict("CONFIRMATION_CHANGED", "The confirmation on record is not the one reviewed;"
                    + " read it again");
        }
        var outcome = disbursements.applyCallback(d.channel(), new Disbursements.ChannelResult(d.requestId(),
                confirmation.channelTxnId(), confirmation.status(),
                "FAILED".equals(confirmation.status()) ? NOT_PAID_CODE : null, null));
        audit.record(approver, "PAYOUT_CONFIRMATION_APPLIED", "DISBURSEMENT", d.id(), Map.of("requestId",
                d.requestId(), "status", confirmation.status(), "recordedBy", confirmation.recordedBy(),
                "ticket", confirmation.ticket(), "outcome", outcome.name()));
        return outcome;
    }

    /** Clears a confirmation the second operator does not accept (a wrong ticket, a misread status). */
    @Transactional
    public void reject(String disbursementId, String approver, String reason) {
        lock(disbursementId);
        Disbursement d = awaitingAnswer(disbursementId);
        var confirmation = mapper.findConfirmation(d.id()).orElseThrow(() -> ApiException.conflict(
                "NO_CONFIRMATION", "No confirmation of the channel is recorded for this payout"));
        if (confirmation.recordedBy().equals(approver)) {
            throw ApiException.conflict("FOUR_EYES_REQUIRED", "The operator who recorded the confirmation cannot"
                    + " reject it");
        }
        if (mapper.clearConfirmation(d.id(), confirmation.recordedBy()) != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Payout " + d.id() + " changed");
        }
        audit.record(approver, "PAYOUT_CONFIRMATION_REJECTED", "DISBURSEMENT", d.id(), Map.of("requestId",
                d.requestId(), "status", confirmation.status(), "recordedBy", confirmation.recordedBy(),
                "ticket", confirmation.ticket(), "reason", reason));
    }

    private void lock(String disbursementId) {
        mapper.lockForUpdate(disbursementId).orElseThrow(() -> ApiException.notFound("Disbursement"));
    }

    private Disbursement awaitingAnswer(String disbursementId) {
        Disbursement d = mapper.findById(disbursementId).orElseThrow(() -> ApiException.notFound("Disbursement"));
        if (d.status() == DisbursementStatus.SUCCEEDED || d.status() == DisbursementStatus.FAILED) {
            throw ApiException.conflict("PAYOUT_ANSWERED", "The channel's answer for this payout is applied: "
                    + d.status());
        }
        if (d.status() != DisbursementStatus.SENT) {
            throw ApiException.conflict("PAYOUT_NOT_ACCEPTED", "The channel has not accepted this payout; the"
                    + " send-payout task sends it (again) until it does");
        }
        return d;
    }
}
