package com.loanflow.payment;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.contract.Contracts;
import com.loanflow.ledger.JournalEntry;
import com.loanflow.ledger.Ledger;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exactly one payout per loan application: the unique keys on disbursement(application_id, request_id) and
 * payment_callback(channel, request_id), plus version-checked transitions, hold under concurrent triggers,
 * worker retries and repeated callbacks. The ledger entry for a succeeded payout commits with its state change.
 */
@Service
public class Disbursements {

    private static final Logger log = LoggerFactory.getLogger(Disbursements.class);

    public record PayoutOrder(String disbursementId, String requestId, String amount, String bankCardNumber,
                              DisbursementStatus status) {
    }

    /** acceptedAt: when the channel accepted the request, in its day (a withholding's money is dated by it). */
    public record ChannelResult(String requestId, String channelTransactionId, String status, String failureCode,
                                String acceptedAt) {

        public ChannelResult {
            failureCode = PaymentCallbacks.failureCode(failureCode);
        }
    }

    /**
     * IGNORED: an intermediate status (PROCESSING), which never moves a payout, also when it comes after the result;
     * CONFLICT: a final answer contradicting the one applied, recorded for operations ({@link PaymentCallbacks}).
     */
    public enum CallbackOutcome { APPLIED, DUPLICATE, IGNORED, CONFLICT }

    private final DisbursementMapper mapper;
    private final Applications applications;
    private final FieldCipher cipher;
    private final RuntimeService runtime;
    private final Ledger ledger;
    private final Clock clock;
    private final Contracts contracts;
    private final PaymentCallbacks callbacks;

    Disbursements(DisbursementMapper mapper, Applications applications, FieldCipher cipher, RuntimeService runtime,
                  Ledger ledger, Clock clock, Contracts contracts, PaymentCallbacks callbacks) {
        this.contracts = contracts;
        this.callbacks = callbacks;
        this.mapper = mapper;
        this.applications = applications;
        this.cipher = cipher;
        this.runtime = runtime;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Creates the disbursement on the first call and returns the same one on every later call. */
    @Transactional
    public PayoutOrder request(String applicationId) {
        var existing = mapper.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return order(existing.get());
        }
        LoanApplication application = applications.get(applicationId);
        if (application.status() != ApplicationStatus.DISBURSING) {
            throw ApiException.conflict("NOT_DISBURSING", "Application is " + application.status());
        }
        String id = Ids.newId();
        LocalDateTime now = LocalDateTime.now(clock);
        String card = applications.bankCardNumber(application);
        // the fee the signed contract states is deducted from the payout: money never passes a platform account
        java.math.BigDecimal fee = contracts.pricing(applicationId).map(Contracts.Pricing::serviceFee)
                .orElse(com.loanflow.shared.Money.ZERO);
        Disbursement disbursement = new Disbursement(id, applicationId, "PO" + id.replace("-", "").toUpperCase(),
                "sandbox", application.approvedAmount().subtract(fee),
                cipher.encrypt(card, FieldCipher.context(Disbursement.TABLE, "bank_card", id)),
                DisbursementStatus.REQUESTED, null, null, now, now, 0, fee);
        try {
            mapper.insert(disbursement);
        } catch (DuplicateKeyException concurrentTrigger) {
            return order(mapper.findByApplicationId(applicationId).orElseThrow());
        }
        return order(disbursement);
    }

    @Transactional
    public void markSent(String disbursementId) {
        Disbursement d = mapper.findById(disbursementId).orElseThrow(() -> ApiException.notFound("Disbursement"));
        if (d.status() != DisbursementStatus.REQUESTED) {
            return; // already sent or settled by a callback that overtook the worker
        }
        move(d, DisbursementStatus.SENT, null, null);
    }

    /**
     * The channel refused the payout request itself (400: the card closed since the application, say): no money can
     * move for it. Recorded as the request's final answer, like a FAILED callback, so that a later success for this
     * request id is a conflict for operations, not a state change; the worker then ends the task with PAYOUT_REFUSED.
     * Again for a FAILED disbursement it changes nothing; a disbursement the channel accepted is not refused.
     *
     * @return the failure code recorded (the channel's code, reduced to a code like a callback's)
     */
    @Transactional
    public String markRefused(String disbursementId, String channelCode) {
        Disbursement d = mapper.findById(disbursementId).orElseThrow(() -> ApiException.notFound("Disbursement"));
        String code = PaymentCallbacks.failureCode(channelCode == null ? "REFUSED" : channelCode);
        if (d.status() == DisbursementStatus.FAILED) {
            return d.failureCode() == null ? code : d.failureCode();
        }
        if (d.status() != DisbursementStatus.REQUESTED) {
            throw ApiException.conflict("PAYOUT_NOT_REFUSABLE", "This payout is " + d.status()
                    + ": the channel accepted it, its result comes by callback");
        }
        callbacks.record(d.channel(), d.requestId(), "FAILED", null, code);
        move(d, DisbursementStatus.FAILED, null, code);
        log.warn("Payout {} of application {} refused by the channel: {}", d.requestId(), d.applicationId(), code);
        return code;
    }

    /** Applies a verified channel callback once; a repeat is acknowledged without any change. */
    @Transactional
    public CallbackOutcome applyCallback(String channel, ChannelResult result) {
        DisbursementStatus next = switch (result.status()) {
            case "SUCCEEDED" -> DisbursementStatus.SUCCEEDED;
            case "FAILED" -> DisbursementStatus.FAILED;
            case "PROCESSING" -> null;
            default -> throw ApiException.invalidField("status", "must be SUCCEEDED, FAILED or PROCESSING");
        };
        Disbursement d = mapper.findByRequestId(result.requestId())
                .orElseThrow(() -> ApiException.notFound("Payout request"));
        if (next == null) {
            log.info("Intermediate {} callback for payout {} ({}) changes nothing", channel, result.requestId(), d.status());
            return CallbackOutcome.IGNORED;
        }
        switch (callbacks.record(channel, result.requestId(), result.status(), result.channelTransactionId(),
                result.failureCode())) {
            case REPEAT -> {
                return CallbackOutcome.DUPLICATE;
            }
            case CONFLICT -> {
                return CallbackOutcome.CONFLICT;
            }
            case FIRST -> { }
        }
        move(d, next, result.channelTransactionId(), result.failureCode());
        if (next == DisbursementStatus.SUCCEEDED) {
            mapper.recordPaidOutOn(d.id(), paidOutOn(d, result.acceptedAt()));
            ledger.post(JournalEntry.disbursement(d.id(), d.applicationId(), d.amount(), d.feeAmount(),
                    LocalDateTime.now(clock)));
        }
        try {
            var correlation = runtime.createMessageCorrelation(next == DisbursementStatus.SUCCEEDED
                    ? "PayoutSucceeded" : "PayoutFailed").processInstanceBusinessKey(d.applicationId());
            if (result.failureCode() != null) {
                correlation.setVariable("payoutFailureCode", result.failureCode());
            }
            correlation.correlate();
        } catch (MismatchingMessageCorrelationException notWaitingYet) {
            // The callback overtook the worker's completion of send-payout: refuse it (rolls back) so the channel
            // delivers it again once the process waits for it.
            throw new ApiException(HttpStatus.CONFLICT, "PAYOUT_NOT_AWAITED", "Payout result not expected yet; retry");
        }
        return CallbackOutcome.APPLIED;
    }

    /**
     * The day the money reached the card, which dates the loan: the channel's acceptedAt when it gives one, within the
     * days the payout can have been accepted on (from its request to today); else the day the channel's acceptance was
     * recorded (SENT), or today for a callback that overtook it. Like a withholding's (ADR 0028).
     */
    private java.time.LocalDate paidOutOn(Disbursement d, String acceptedAt) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return ChannelTime.acceptedWithin(acceptedAt, clock.getZone(), d.createdAt().toLocalDate(), today)
                .orElse(d.status() == DisbursementStatus.SENT ? d.updatedAt().toLocalDate() : today);
    }

    private void move(Disbursement d, DisbursementStatus next, String channelTxnId, String failureCode) {
        if (!d.status().canMoveTo(next)) {
            throw new IllegalStateException("Disbursement " + d.id() + " cannot move from " + d.status() + " to " + next);
        }
        if (mapper.updateStatus(d.id(), next, channelTxnId, failureCode, d.version(), LocalDateTime.now(clock)) != 1) {
            throw new OptimisticLockingFailureException("Disbursement " + d.id() + " changed concurrently");
        }
    }

    private PayoutOrder order(Disbursement d) {
        return new PayoutOrder(d.id(), d.requestId(), d.amount().toPlainString(),
                cipher.decrypt(d.bankCardEnc(), FieldCipher.context(Disbursement.TABLE, "bank_card", d.id())), d.status());
    }
}
