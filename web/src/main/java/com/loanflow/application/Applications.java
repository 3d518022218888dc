package com.loanflow.application;

import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.borrower.OpenApplications;
import com.loanflow.borrower.VerificationStatus;
import com.loanflow.shared.ApiError;
import com.loanflow.shared.ApiException;
import org.springframework.http.HttpStatus;
import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import com.loanflow.shared.Money;
import com.loanflow.shared.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submitting an application, reading it back, and moving it through its state machine. */
@Service
public class Applications implements OpenApplications {

    public static final String PROCESS_KEY = "Process_LoanApplication";
    public static final String BANK_CARD_DOMAIN = "bank-card";

    private final ApplicationMapper mapper;
    private final Borrowers borrowers;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final RuntimeService runtime;
    private final Outbox outbox;
    private final Clock clock;
    private final BigDecimal minAmount;
    private final BigDecimal maxAmount;
    private final BigDecimal repeatMaxAmount;
    private final int reapplyAfterDeclineDays;

    Applications(ApplicationMapper mapper, Borrowers borrowers, FieldCipher cipher, BlindIndex blindIndex,
                 RuntimeService runtime, Outbox outbox, Clock clock,
                 @Value("${loanflow.lending.min-amount:500.00}") BigDecimal minAmount,
                 @Value("${loanflow.lending.max-amount:2000.00}") BigDecimal maxAmount,
                 @Value("${loanflow.lending.repeat-max-amount:5000.00}") BigDecimal repeatMaxAmount,
                 @Value("${loanflow.lending.reapply-after-decline-days:30}") int reapplyAfterDeclineDays) {
        if (reapplyAfterDeclineDays < 0) {
            throw new IllegalArgumentException("loanflow.lending.reapply-after-decline-days must not be negative");
        }
        this.reapplyAfterDeclineDays = reapplyAfterDeclineDays;
        this.mapper = mapper;
        this.borrowers = borrowers;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.runtime = runtime;
        this.outbox = outbox;
        this.clock = clock;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        if (repeatMaxAmount.compareTo(maxAmount) < 0) {
            throw new IllegalArgumentException("loanflow.lending.repeat-max-amount must not be below max-amount");
        }
        this.repeatMaxAmount = repeatMaxAmount;
    }

    @Override
    public BigDecimal maxApplicationAmount(String borrowerId) {
        return mapper.hasSettledLoan(borrowerId, LocalDateTime.now(clock)
                .minusMonths(com.loanflow.loan.RepaymentRecord.LOOKBACK_MONTHS)) ? repeatMaxAmount : maxAmount;
    }

    /** Same (borrower, Idempotency-Key) → the same application; a second open application → 409. */
    @Transactional
    public LoanApplication submit(String borrowerId, String idempotencyKey, ApplicationRequest request, String clientIp) {
        BigDecimal amount = Money.parse(request.amount());
        if (amount.compareTo(minAmount) < 0 || amount.compareTo(repeatMaxAmount) > 0) {
            throw ApiException.invalidField("amount", "must be between " + minAmount + " and " + maxAmount
                    + " (up to " + repeatMaxAmount + " after a loan here is repaid in full, within "
                    + com.loanflow.loan.RepaymentRecord.LOOKBACK_MONTHS + " months)");
        }
        if (amount.compareTo(maxAmount) > 0 && maxApplicationAmount(borrowerId).compareTo(amount) < 0) {
            // more than a first loan only for a borrower who repaid one here; the decision still caps the approved
            // amount at the limit the on-time record earned (limit-increase.dmn)
            throw ApiException.invalidField("amount", "must be between " + minAmount + " and " + maxAmount
                    + " for a first loan; up to " + repeatMaxAmount + " once a loan here (in the last "
                    + com.loanflow.loan.RepaymentRecord.LOOKBACK_MONTHS + " months) is repaid in full");
        }
        // one request per borrower at a time from here: a consent withdrawal waits for this application or this for
        // it, and a concurrent retry of this request finds the first one's row below
        borrowers.lockBorrower(borrowerId);
        var existing = mapper.findByIdempotencyKey(borrowerId, idempotencyKey);
        if (existing.isPresent()) {
            return sameRequestOrConflict(existing.get(), amount, request);
        }
        java.time.LocalDate reapplyFrom = reapplyFrom(mapper.lastDeclinedAt(borrowerId));
        if (reapplyFrom != null && java.time.LocalDate.now(clock).isBefore(reapplyFrom)) {
            // applying again at once would only add a bureau inquiry (which other lenders count against the
            // applicant) and could draw the other strategy's decision on the same file; checked first, so the
            // borrower is not sent to fix consents or photos only to be told to wait
            throw ApiException.conflict("REAPPLY_TOO_SOON", "Your last application was declined; you can apply"
                    + " again from " + reapplyFrom);
        }
        Borrower borrower = borrowers.get(borrowerId);
        if (borrower.verificationStatus() == VerificationStatus.NOT_SUBMITTED
                || borrower.verificationStatus() == VerificationStatus.FAILED) {
            throw ApiException.conflict("IDENTITY_REQUIRED", "Submit your identity before applying");
        }
        if (!borrowers.hasIdentityDocument(borrowerId)) {
            // erased with a withdrawn face recognition authorization: each application verifies the photos again
            throw ApiException.conflict("IDENTITY_REQUIRED", "Submit your ID card and face photos again before"
                    + " applying (they were deleted when you withdrew the face recognition authorization)");
        }
        var missingConsents = borrowers.missingConsents(borrowerId);
        if (!missingConsents.isEmpty()) {
            // e.g. a new credit authorization was published: without it the bureau may not be queried, so the
            // application would only stall; ask first
            throw new ApiException(HttpStatus.CONFLICT, "CONSENT_REQUIRED", "Consent to the current agreements first"
                    + " (POST /api/v1/borrowers/me/consents)", missingConsents.stream().map(a ->
                    new ApiError.FieldError("consents", "consent to " + a.type() + " version " + a.version()
                            + " is required")).toList());
        }
        if (mapper.hasOpenApplication(borrowerId)) {
            throw ApiException.conflict("APPLICATION_ALREADY_OPEN", "You already have an open application or loan");
        }
        String id = Ids.newId();
        LocalDateTime now = LocalDateTime.now(clock);
        LoanApplication application = new LoanApplication(id, borrowerId, idempotencyKey, amount, request.termMonths(),
                cipher.encrypt(request.bankCardNumber(), FieldCipher.context(LoanApplication.TABLE, "bank_card", id)),
                blindIndex.of(BANK_CARD_DOMAIN, request.bankCardNumber()), Masking.bankCard(request.bankCardNumber()),
                request.purpose(), ApplicationStatus.SUBMITTED, null, null, null, null, null, clientIp, now, now, 0);
        try {
            mapper.insert(application);
        } catch (DuplicateKeyException e) {
            // A concurrent request won the race: same key → its application, otherwise the open-slot key fired.
            return mapper.findByIdempotencyKey(borrowerId, idempotencyKey)
                    .map(won -> sameRequestOrConflict(won, amount, request))
                    .orElseThrow(() -> ApiException.conflict("APPLICATION_ALREADY_OPEN",
                            "You already have an open application or loan"));
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, id, startVariables(application, borrower));
        return application;
    }

    /** A repeated key must carry the same request: amount, term, card (by its blind index) and purpose. */
    private LoanApplication sameRequestOrConflict(LoanApplication existing, BigDecimal amount, ApplicationRequest request) {
        if (existing.requestedAmount().compareTo(amount) != 0 || existing.termMonths() != request.termMonths()
                || !existing.bankCardIdx().equals(blindIndex.of(BANK_CARD_DOMAIN, request.bankCardNumber()))
                || !java.util.Objects.equals(existing.purpose(), request.purpose())) {
            throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request");
        }
        return existing;
    }

    /** Only ids, masked values and amounts go into the engine. */
    private static Map<String, Object> startVariables(LoanApplication application, Borrower borrower) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationId", application.id());
        variables.put("borrowerId", borrower.id());
        variables.put("maskedName", borrower.nameMasked());
        variables.put("maskedPhone", borrower.phoneMasked());
        variables.put("maskedIdNumber", borrower.idNumberMasked());
        variables.put("requestedAmount", Money.format(application.requestedAmount()));
        variables.put("termMonths", application.termMonths());
        return variables;
    }

    public LoanApplication get(String id) {
        return mapper.findById(id).orElseThrow(() -> ApiException.notFound("Application"));
    }

    /** A borrower sees only their own applications: someone else's is indistinguishable from a missing one. */
    public LoanApplication getOwned(String borrowerId, String id) {
        LoanApplication application = get(id);
        if (!application.borrowerId().equals(borrowerId)) {
            throw ApiException.notFound("Application");
        }
        return application;
    }

    /** The borrower's own applications, newest first (a borrower has few: one open at a time). */
    public List<LoanApplication> listOwned(String borrowerId, int limit) {
        return mapper.findByBorrower(borrowerId, limit);
    }

    @Override
    public boolean hasOpenApplication(String borrowerId) {
        return mapper.hasOpenApplication(borrowerId);
    }

    @Override
    public boolean isBeingAssessed(String borrowerId) {
        return mapper.hasApplicationIn(borrowerId, AUTOMATIC_CHECKS);
    }

    @Override
    public boolean isInReview(String borrowerId) {
        return mapper.hasApplicationIn(borrowerId, EnumSet.of(ApplicationStatus.IN_REVIEW));
    }

    /**
     * The borrower's application, read under its row lock, which is held until the caller's transaction ends: a
     * borrower's action that depends on the status (withdraw, sign) checks it under the lock, so of two actions that
     * race the second sees what the first did and is answered for it, instead of failing half-way.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public LoanApplication lockOwned(String borrowerId, String id) {
        getOwned(borrowerId, id);
        mapper.lockForUpdate(id);
        return get(id);
    }

    /**
     * The first day a borrower declined at {@code declinedAt} may apply again (loanflow.lending.reapply-after-decline-days
     * later, in the lender's zone); null without a decline or when there is no waiting period. Identity mismatches
     * are not declines: the borrower corrects the identity and applies.
     */
    public java.time.LocalDate reapplyFrom(LocalDateTime declinedAt) {
        return declinedAt == null || reapplyAfterDeclineDays == 0 ? null
                : declinedAt.toLocalDate().plusDays(reapplyAfterDeclineDays);
    }

    /** When this declined application's borrower may apply again (null for any other application, see above). */
    public java.time.LocalDate reapplyFrom(LoanApplication application) {
        boolean declined = application.status() == ApplicationStatus.REJECTED && (application.reasonCodes() == null
                || !java.util.Arrays.asList(application.reasonCodes().split(",")).contains("R_IDENTITY"));
        return declined ? reapplyFrom(application.updatedAt()) : null;
    }

    public int applicationsSince(String borrowerId, LocalDateTime since) {
        return mapper.countSince(borrowerId, since);
    }

    public static final String WITHDRAWN_BY_BORROWER = "R_WITHDRAWN_BY_BORROWER";

    /** The seconds in which workers verify identity and query the bureau; nothing is withdrawn in between. */
    static final java.util.Set<ApplicationStatus> AUTOMATIC_CHECKS = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.VERIFYING, ApplicationStatus.ASSESSING);

    /** Before the contract is signed: a step stuck on an incident then does not hold the application. */
    static final java.util.Set<ApplicationStatus> BEFORE_SIGNATURE = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.VERIFYING, ApplicationStatus.ASSESSING, ApplicationStatus.IN_REVIEW,
            ApplicationStatus.APPROVED);

    /**
     * The steps of Process_LoanApplication before the signature whose incident a withdrawal may cancel; the
     * verification subprocess itself too (its asyncBefore job records the VERIFYING status, and may fail there).
     */
    static final java.util.Set<String> STUCK_STEPS_BEFORE_SIGNATURE = java.util.Set.of("SubProcess_VerifyIdentity",
            "Task_OcrIdCard",
            "Task_VerifyIdTwoFactor", "Task_VerifyCarrierThreeFactor", "Task_CheckLiveness", "Task_QueryCreditBureau",
            "Task_AssessRisk", "Task_RecordReviewDecision", "Task_SetCreditTerms", "Task_PrepareContract");

    /** What a borrower may withdraw: a decision they are waiting for, or an offer they have not signed. */
    static final java.util.Set<ApplicationStatus> WITHDRAWABLE = java.util.EnumSet.of(ApplicationStatus.IN_REVIEW,
            ApplicationStatus.APPROVED);

    /**
     * The borrower withdraws their application (no reason needed, no cost): the process's "Borrower withdrew" event
     * cancels it in this transaction (R_WITHDRAWN_BY_BORROWER). A repeated request returns the cancelled application.
     * A race with the signature is settled by the application row's version: one of the two gets 409.
     */
    @Transactional
    public LoanApplication withdraw(String borrowerId, String id) {
        LoanApplication application = lockOwned(borrowerId, id);
        if (BEFORE_SIGNATURE.contains(application.status()) && cancelIfStuck(id)) {
            return get(id);
        }
        refuseWithdrawal(application);
        if (application.status() == ApplicationStatus.CANCELLED) {
            return application;   // withdrawn before: the same answer
        }
        try {
            runtime.createMessageCorrelation("ApplicationWithdrawn").processInstanceBusinessKey(id).correlate();
        } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException notWaiting) {
            // under the row lock the status is APPROVED or IN_REVIEW, yet the process is not at a wait the message
            // can end: approved a moment ago (the contract is still being prepared) or a review decision just made
            throw ApiException.conflict("APPLICATION_BEING_ASSESSED", application.status() == ApplicationStatus.APPROVED
                    ? "The contract is being prepared; withdraw in a few seconds"
                    : "A reviewer's decision is being recorded; look again in a few seconds");
        }
        return get(id);
    }

    /**
     * A step before the signature that failed into an incident (a provider down for good, a contract that cannot be
     * drawn up) would hold the application, and with it the borrower's one open slot, until operations act: the
     * borrower may withdraw it anyway. The stuck step is cancelled and the process continues at its ordinary
     * cancellation (Task_CancelApplication, R_WITHDRAWN_BY_BORROWER), annotated in the engine's history.
     *
     * @return whether the application was stuck and is now cancelled
     */
    private boolean cancelIfStuck(String id) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(id).singleResult();
        if (instance == null) {
            return false;
        }
        var stuck = runtime.createIncidentQuery().processInstanceId(instance.getId()).list().stream()
                .map(org.camunda.bpm.engine.runtime.Incident::getActivityId)
                .filter(STUCK_STEPS_BEFORE_SIGNATURE::contains).distinct().toList();
        if (stuck.isEmpty()) {
            return false;
        }
        var modification = runtime.createProcessInstanceModification(instance.getId())
                .startBeforeActivity("Task_CancelApplication")
                .setVariable("cancellationReason", WITHDRAWN_BY_BORROWER);
        stuck.forEach(modification::cancelAllForActivity);
        modification.setAnnotation("Borrower withdrew while " + String.join(", ", stuck) + " had an incident")
                .execute();
        return true;
    }

    private static void refuseWithdrawal(LoanApplication application) {
        if (WITHDRAWABLE.contains(application.status())
                || application.status() == ApplicationStatus.CANCELLED
                && WITHDRAWN_BY_BORROWER.equals(application.reasonCodes())) {
            return;
        }
        if (AUTOMATIC_CHECKS.contains(application.status())) {
            throw ApiException.conflict("APPLICATION_BEING_ASSESSED",
                    "The automatic checks take a few seconds; withdraw once the decision is shown");
        }
        if (application.status() == ApplicationStatus.CANCELLED || application.status() == ApplicationStatus.REJECTED
                || application.status() == ApplicationStatus.DISBURSEMENT_FAILED) {
            throw ApiException.conflict("APPLICATION_CLOSED", "The application is already closed ("
                    + application.status() + "); there is nothing to withdraw");
        }
        throw ApiException.conflict("WITHDRAWAL_NOT_POSSIBLE", "The contract is signed; a signed loan can be repaid"
                + " early, without a fee");
    }

    /** Moves the application with a version check and announces the change through the outbox. */
    @Transactional
    public LoanApplication moveTo(String id, ApplicationStatus next, String reasonCodes) {
        LoanApplication current = get(id);
        LoanApplication moved = current.withStatus(next);
        int rows = mapper.updateStatus(id, next, next.isOpen(), reasonCodes, current.version(), LocalDateTime.now(clock));
        if (rows != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "Application " + id + " changed concurrently");
        }
        announce(new ApplicationStatusChanged(id, current.borrowerId(), next, reasonCodes, Instant.now(clock)));
        return moved;
    }

    @Transactional
    public void recordTerms(String id, BigDecimal creditLimit, BigDecimal aprPercent, BigDecimal approvedAmount) {
        // terms are set before approval only: once a contract may cite the approved amount, it never changes
        if (mapper.updateTerms(id, creditLimit, aprPercent, approvedAmount) != 1) {
            throw new IllegalStateException("Application " + id + " is past assessment; its terms are fixed");
        }
    }

    @Transactional
    public void recordLoan(String id, String loanId) {
        if (mapper.updateLoanId(id, loanId) != 1) {
            throw new IllegalStateException("Application " + id + " already has a loan");
        }
    }

    public String bankCardNumber(LoanApplication application) {
        return cipher.decrypt(application.bankCardEnc(),
                FieldCipher.context(LoanApplication.TABLE, "bank_card", application.id()));
    }

    /** In the status change's own transaction (the outbox, ADR 0026): published if and only if the change commits. */
    private void announce(ApplicationStatusChanged event) {
        outbox.enqueue(ApplicationStatusChanged.EXCHANGE, event.routingKey(), event.applicationId(), event);
    }
}
