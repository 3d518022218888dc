package com.loanflow.repayment;

import com.loanflow.application.Applications;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.payment.PaymentCallbacks;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repayment by withholding from the borrower's card through the payment channel. The request is recorded first
 * (repayment PENDING + withholding REQUESTED, unique per installment attempt and per request id, and at most one in
 * flight per loan), sent signed after that commits, and applied only on the channel's confirmed callback — once, by
 * payment_callback(channel, request_id).
 */
@Service
public class Withholdings {

    private static final Logger log = LoggerFactory.getLogger(Withholdings.class);

    /** CONFLICT: a final answer contradicting the one applied, kept for operations ({@link PaymentCallbacks}). */
    public enum CallbackOutcome { APPLIED, DUPLICATE, IGNORED, CONFLICT }

    private final WithholdingMapper mapper;
    private final Repayments repayments;
    private final RepaymentMapper repaymentMapper;
    private final LoanMapper loanMapper;
    private final Applications applications;
    private final WithholdingChannel channel;
    private final TransactionTemplate transaction;
    private final PaymentCallbacks callbacks;
    private final Clock clock;

    Withholdings(WithholdingMapper mapper, Repayments repayments, RepaymentMapper repaymentMapper,
                 LoanMapper loanMapper, Applications applications, WithholdingChannel channel,
                 TransactionTemplate transaction, PaymentCallbacks callbacks, Clock clock) {
        this.mapper = mapper;
        this.repayments = repayments;
        this.repaymentMapper = repaymentMapper;
        this.loanMapper = loanMapper;
        this.applications = applications;
        this.channel = channel;
        this.transaction = transaction;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Records the repayment and its withholding request; {@link #send} after this transaction commits. */
    @Transactional
    public Repayment request(String borrowerId, String loanId, String idempotencyKey, BigDecimal amount) {
        Repayment previous = repayments.previous(borrowerId, loanId, idempotencyKey, amount, Repayment.CARD_WITHHOLDING);
        if (previous != null) {
            return previous;
        }
        if (mapper.sumOpen(loanId).signum() > 0) {
            throw ApiException.conflict("WITHHOLDING_IN_PROGRESS",
                    "A withholding for this loan is in progress; its result comes first");
        }
        Loan loan = repayments.repayable(borrowerId, loanId, amount);
        if (loanMapper.claimVersion(loanId, loan.version()) != 1) {
            // a repayment or bank transfer changed what the loan owes since it was quoted
            throw new OptimisticLockingFailureException("Loan " + loanId + " changed while it was quoted");
        }
        int seq = loanMapper.findInstallments(loanId).stream()
                .filter(i -> !i.status().isClosed()).mapToInt(Installment::seq)
                .findFirst().orElseThrow(() -> ApiException.conflict("LOAN_NOT_ACTIVE", "Nothing is owed"));
        Repayment repayment = repayments.recordPending(borrowerId, loan, idempotencyKey, amount);
        String id = Ids.newId();
        LocalDateTime now = LocalDateTime.now(clock);
        Withholding withholding = new Withholding(id, repayment.id(), loanId, seq, mapper.countAttempts(loanId, seq) + 1,
                "WH" + id.replace("-", "").toUpperCase(), "sandbox", amount, Withholding.Status.REQUESTED, null, null,
                now, now, 0);
        try {
            mapper.insert(withholding);
        } catch (DuplicateKeyException concurrentAttempt) {
            // uk_withholding_attempt or uk_withholding_open: another request for this loan got there first
            throw new OptimisticLockingFailureException("Another withholding for loan " + loanId + " is starting");
        }
        return repayment;
    }

    /**
     * Sends (or re-sends: the channel answers a known request id with the same acceptance) a REQUESTED withholding.
     * Outside any transaction: the HTTP call must not hold database locks.
     */
    public Withholding send(String repaymentId) {
        Withholding w = mapper.findByRepaymentId(repaymentId).orElseThrow(() -> ApiException.notFound("Withholding"));
        if (w.status() != Withholding.Status.REQUESTED) {
            return w;
        }
        // on record before the channel is asked: an expiry that read the row earlier then finds it changed and leaves
        // it (it would otherwise fail a request this call gets accepted, the card debited under a FAILED repayment)
        if (mapper.markSendAttempt(w.id(), w.version(), LocalDateTime.now(clock)) != 1) {
            return mapper.findByRequestId(w.requestId()).orElseThrow(); // another send or an answer got there first
        }
        String card = applications.bankCardNumber(applications.get(
                loanMapper.findById(w.loanId()).orElseThrow().applicationId()));
        WithholdingChannel.Answer answer = channel.withhold(w.requestId(), w.amount(), card);
        if (answer == WithholdingChannel.Answer.RETRY_LATER) {
            log.info("Channel busy for withholding {}; the same request id is sent again on retry", w.requestId());
            return w;
        }
        transaction.executeWithoutResult(tx -> {
            // reloaded: the callback may have overtaken this answer and settled the withholding already
            Withholding now = mapper.findByRequestId(w.requestId()).orElseThrow();
            if (now.status() != Withholding.Status.REQUESTED) {
                return;
            }
            if (answer == WithholdingChannel.Answer.ACCEPTED) {
                move(now, Withholding.Status.SENT, null, null);
            } else {
                // the refusal is the channel's final answer, on record like a callback: a later SUCCEEDED for this
                // request then contradicts it (CONFLICT, kept for operations) instead of failing a state change
                failOnOwnRecord(now, "REFUSED");
            }
        });
        return mapper.findByRequestId(w.requestId()).orElseThrow();
    }

    /**
     * Ends a withholding the channel never accepted (FAILED, EXPIRED), on record as the final answer: the loan's slot
     * is free for a new request, and a late success for this request id would be a conflict for operations.
     *
     * @param readVersion the version the caller read before it asked the channel: a send since then (which marks the
     *                    row before it calls the channel) may have been accepted after the channel's answer, so the
     *                    withholding is left for the next round
     */
    @Transactional
    public void expire(String requestId, int readVersion) {
        Withholding w = mapper.findByRequestId(requestId).orElseThrow(() -> ApiException.notFound("Withholding"));
        if (w.status() != Withholding.Status.REQUESTED || w.version() != readVersion) {
            return;
        }
        failOnOwnRecord(w, "EXPIRED");
        log.warn("Withholding {} for loan {} expired: never accepted by the channel", w.requestId(), w.loanId());
    }

    public boolean handles(String requestId) {
        return requestId != null && requestId.startsWith("WH");
    }

    /**
     * Applies a verified channel callback once. An intermediate status (PROCESSING), also when it arrives after the
     * final one, changes nothing; a repeated final callback is acknowledged without any change.
     */
    @Transactional
    public CallbackOutcome applyCallback(String channelName, String requestId, String channelTxnId, String status,
                                         String failureCode, String acceptedAt) {
        Withholding w = mapper.findByRequestId(requestId).orElseThrow(() -> ApiException.notFound("Withholding request"));
        failureCode = com.loanflow.payment.PaymentCallbacks.failureCode(failureCode);
        Withholding.Status next = switch (status) {
            case "SUCCEEDED" -> Withholding.Status.SUCCEEDED;
            case "FAILED" -> Withholding.Status.FAILED;
            case "PROCESSING" -> null;
            default -> throw ApiException.invalidField("status", "must be SUCCEEDED, FAILED or PROCESSING");
        };
        if (next == null) {
            return CallbackOutcome.IGNORED;
        }
        switch (callbacks.record(channelName, requestId, status, channelTxnId, failureCode)) {
            case REPEAT -> {
                return CallbackOutcome.DUPLICATE;
            }
            case CONFLICT -> {
                return CallbackOutcome.CONFLICT;
            }
            case FIRST -> { }
        }
        move(w, next, channelTxnId, failureCode);
        Repayment repayment = repaymentMapper.findById(w.repaymentId()).orElseThrow();
        if (next == Withholding.Status.SUCCEEDED) {
            repayments.applyConfirmed(repayment, acceptedOn(w, acceptedAt));
        } else {
            repayments.markFailed(repayment);
        }
        return CallbackOutcome.APPLIED;
    }

    /**
     * The day the card was debited, which dates the money (ADR 0028): the channel's own word when it gives one, within
     * the days the request can have been accepted on (from when we made it to today). Without it, the day we learnt of
     * the acceptance: SENT since the channel's answer (a re-send's "already accepted" may come a day later, hence the
     * channel's time first), or now for a callback that overtook that answer.
     */
    private LocalDate acceptedOn(Withholding w, String acceptedAt) {
        LocalDate ours = (w.status() == Withholding.Status.SENT ? w.updatedAt() : LocalDateTime.now(clock)).toLocalDate();
        var channels = com.loanflow.payment.ChannelTime.acceptedWithin(acceptedAt, clock.getZone(),
                w.createdAt().toLocalDate(), LocalDate.now(clock));
        if (channels.isEmpty() && acceptedAt != null) {
            log.warn("Withholding {}: the channel's acceptedAt is not a time; dated by our record", w.requestId());
        }
        return channels.orElse(ours);
    }

    /**
     * Ends a withholding FAILED without a callback, keeping the reason as the request's final answer on record, so
     * that a later success for it is a conflict for operations rather than a state change.
     */
    private void failOnOwnRecord(Withholding w, String failureCode) {
        callbacks.record(w.channel(), w.requestId(), "FAILED", null, failureCode);
        move(w, Withholding.Status.FAILED, null, failureCode);
        repayments.markFailed(repaymentMapper.findById(w.repaymentId()).orElseThrow());
    }

    private void move(Withholding w, Withholding.Status next, String channelTxnId, String failureCode) {
        if (!w.status().canMoveTo(next)) {
            throw new IllegalStateException("Withholding " + w.id() + " cannot move from " + w.status() + " to " + next);
        }
        if (mapper.updateStatus(w.id(), next, channelTxnId, failureCode, w.version(), LocalDateTime.now(clock)) != 1) {
            throw new OptimisticLockingFailureException("Withholding " + w.id() + " changed concurrently");
        }
    }
}
