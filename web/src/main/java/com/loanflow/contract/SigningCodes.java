package com.loanflow.contract;

import com.loanflow.notification.SmsGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time signing codes: 6 digits, valid 5 minutes, at most 5 attempts; only a hash is stored. The text message
 * goes only once the code's row has committed: a carrier cannot take a message back, so a rolled-back preparation
 * (and its retry) must not have sent a code that matches nothing.
 */
@Component
class SigningCodes {

    private static final Logger log = LoggerFactory.getLogger(SigningCodes.class);

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    enum Check { ACCEPTED, WRONG, EXPIRED, EXHAUSTED, NONE }

    private final ContractMapper mapper;
    private final SmsGateway sms;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final TransactionTemplate ownTransaction;

    SigningCodes(ContractMapper mapper, SmsGateway sms, Clock clock, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.sms = sms;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** From the process (contract preparation): a failed text message is logged; the borrower asks for a resend. */
    @Transactional
    void issue(String applicationId, String phone, String summary) {
        issue(applicationId, phone, summary, false);
    }

    /** At the borrower's request (resend): a failed text message is a 503 to them, so they know to try again. */
    @Transactional
    void issueAndConfirmSent(String applicationId, String phone, String summary) {
        issue(applicationId, phone, summary, true);
    }

    /** @param summary amount, term, APR and total, so the message says what the code signs */
    private void issue(String applicationId, String phone, String summary, boolean failLoudly) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        mapper.deleteSigningCode(applicationId);
        mapper.insertSigningCode(new SigningCode(applicationId, hash(applicationId, code),
                LocalDateTime.now(clock).plus(VALIDITY), 0, null, 0));
        String text = "【Loanflow】您正在签署借款合同（" + summary + "），签署验证码 " + code
                + "，5分钟内有效。签署即同意借款，请勿告诉他人。";
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(applicationId, phone, text, failLoudly);
            }
        });
    }

    /**
     * After the commit. A failure is logged; on a resend it is also thrown, which Spring passes to the caller of the
     * commit (the code's row stays, unused; the next resend replaces it).
     */
    private void send(String applicationId, String phone, String text, boolean failLoudly) {
        try {
            ownTransaction.executeWithoutResult(tx -> sms.send(phone, text));
        } catch (RuntimeException e) {
            log.warn("Signing code for application {} was stored but its text message failed ({}); a resend issues a "
                    + "new one", applicationId, e.getClass().getSimpleName());
            if (failLoudly) {
                throw new com.loanflow.shared.ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                        "SMS_UNAVAILABLE", "The text message with the signing code could not be sent; try again");
            }
        }
    }

    /** Counts the attempt in its own transaction, so a wrong code is remembered even though the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Check check(String applicationId, String code) {
        var stored = mapper.findSigningCode(applicationId);
        if (stored.isEmpty() || stored.get().consumedAt() != null) {
            return Check.NONE;
        }
        SigningCode signingCode = stored.get();
        if (signingCode.attempts() >= MAX_ATTEMPTS) {
            return Check.EXHAUSTED;
        }
        if (LocalDateTime.now(clock).isAfter(signingCode.expiresAt())) {
            return Check.EXPIRED;
        }
        if (mapper.countAttempt(applicationId, signingCode.version()) != 1) {
            return Check.WRONG;
        }
        boolean matches = MessageDigest.isEqual(hash(applicationId, code).getBytes(StandardCharsets.US_ASCII),
                signingCode.codeHash().getBytes(StandardCharsets.US_ASCII));
        return matches ? Check.ACCEPTED : Check.WRONG;
    }

    /** Marks the code used; false if another request used it first. */
    boolean consume(String applicationId) {
        SigningCode code = mapper.findSigningCode(applicationId).orElseThrow();
        return mapper.consume(applicationId, LocalDateTime.now(clock), code.version()) == 1;
    }

    private static String hash(String applicationId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((applicationId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
