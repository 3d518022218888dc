package com.loanflow.sandbox.channel;

import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox payment channel's acceptance logic. A request id is accepted at most once; the same request id sent
 * again is answered with the same acceptance and never pays twice.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SandboxChannel {

    enum Answer { ACCEPTED, BUSY, ALREADY_ACCEPTED, MISMATCH }

    record PayoutRequest(String merchantId, String requestId, String amount, String currency, String cardNumber,
                         String notifyUrl, String timestamp) {
    }

    private final SandboxPayoutMapper mapper;
    private final FieldCipher cipher;
    private final CallbackDispatcher callbacks;
    private final Clock clock;

    SandboxChannel(SandboxPayoutMapper mapper, FieldCipher cipher, CallbackDispatcher callbacks, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Transactional
    Answer accept(PayoutRequest request) {
        return accept(request, SandboxPayout.PAYOUT);
    }

    /** Payouts and withholdings share the acceptance rules, the test cards and the store (the statement lists both). */
    @Transactional
    Answer accept(PayoutRequest request, String kind) {
        BigDecimal amount = new BigDecimal(request.amount());
        var existing = mapper.find(request.requestId());
        if (existing.isEmpty()) {
            SandboxPayout.Behaviour behaviour = SandboxPayout.Behaviour.forCard(request.cardNumber());
            String status = behaviour == SandboxPayout.Behaviour.BUSY_TWICE_THEN_SUCCEED ? "BUSY" : "ACCEPTED";
            LocalDateTime now = LocalDateTime.now(clock);
            SandboxPayout payout = new SandboxPayout(request.requestId(), request.merchantId(), amount,
                    cipher.encrypt(request.cardNumber(), FieldCipher.context(SandboxPayout.TABLE, "card", request.requestId())),
                    request.cardNumber().substring(request.cardNumber().length() - 4), behaviour, 1, status,
                    "SBX" + Ids.newId().replace("-", "").substring(0, 20).toUpperCase(), request.notifyUrl(),
                    now, 0, kind, status.equals("BUSY") ? null : now);
            try {
                mapper.insert(payout);
            } catch (DuplicateKeyException concurrentSameRequest) {
                // the same request is being taken in by another call right now, and may yet be refused as busy:
                // "accepted" here would let the sender mark a payout sent that no callback will ever follow
                return Answer.BUSY;
            }
            if (status.equals("BUSY")) {
                return Answer.BUSY;
            }
            callbacks.schedule(payout);
            return Answer.ACCEPTED;
        }
        SandboxPayout payout = existing.get();
        if (payout.amount().compareTo(amount) != 0 || !payout.kind().equals(kind)) {
            return Answer.MISMATCH;
        }
        if (!payout.status().equals("BUSY")) {
            return Answer.ALREADY_ACCEPTED;
        }
        boolean stillBusy = payout.attempts() + 1 <= 2;
        LocalDateTime now = LocalDateTime.now(clock);
        if (mapper.recordAttempt(payout.requestId(), stillBusy ? "BUSY" : "ACCEPTED", payout.version(),
                stillBusy ? null : now) != 1) {
            return Answer.BUSY; // a concurrent retry is being handled; this one may try again
        }
        if (stillBusy) {
            return Answer.BUSY;
        }
        callbacks.schedule(payout.acceptedAt(now));
        return Answer.ACCEPTED;
    }
}
