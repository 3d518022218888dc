package com.loanflow.borrower;

import com.loanflow.audit.AuditLog;
import com.loanflow.shared.ApiException;
import com.loanflow.workers.bureau.BureauReportEviction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing an account (注销, PIPL art. 47) and erasing the personal data behind it (ADR 0024). Closure is refused while
 * anything is still open between borrower and lender: an application, a loan, money on its way, a refund we owe.
 * It ends login and every session and frees the phone number and ID number for a new registration at once. A
 * borrower who never borrowed is erased in the same transaction; one who had a loan keeps identity and transaction
 * records for {@code loanflow.retention.after-closure} (5 years, anti-money-laundering record keeping) and is erased
 * by the daily job when that has run out. Erasure clears every personal data column of the borrower's rows
 * ({@code EncryptedColumn}'s inventory, the masks and IPs beside them), deletes identity images, credit reports and
 * device events, and removes the masked name, phone and ID number from the engine's history. Amounts, statuses,
 * decisions (without their bureau input), ledger and audit entries stay: they hold no personal data once the
 * borrower row is empty.
 */
@Service
public class AccountClosure {

    /** Closed accounts erased by one run of the daily job at most (the rest on the next day). */
    static final int MAX_PER_RUN = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AccountClosure.class);

    private final AccountClosureMapper mapper;
    private final Borrowers borrowers;
    private final SessionTokens sessions;
    private final LoginThrottle throttle;
    private final BureauReportEviction bureauReports;
    private final HistoryService history;
    private final AuditLog audit;
    private final Clock clock;
    private final Period retention;
    private final TransactionTemplate eachBorrower;

    AccountClosure(AccountClosureMapper mapper, Borrowers borrowers, SessionTokens sessions, LoginThrottle throttle,
                   BureauReportEviction bureauReports, HistoryService history, AuditLog audit, Clock clock,
                   @Value("${loanflow.retention.after-closure:P5Y}") Period retention,
                   PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.borrowers = borrowers;
        this.sessions = sessions;
        this.throttle = throttle;
        this.bureauReports = bureauReports;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
        this.eachBorrower = new TransactionTemplate(transactions);
    }

    /** The outcome the borrower is shown: closed, and erased now or kept until a date. */
    public record Closure(LocalDateTime closedAt, boolean personalDataErased, LocalDate retainedUntil) {
    }

    /**
     * Closes the account after checking the password again. Sessions end and the cached bureau reports go inside the
     * transaction: if Redis fails the closure is refused with 503 and nothing changes.
     */
    @Transactional
    public Closure close(String borrowerId, String password) {
        borrowers.lockBorrower(borrowerId);   // 409 ACCOUNT_CLOSED when it is closed already
        String phone = borrowers.phone(borrowers.get(borrowerId));
        // counted with login attempts: closing erases the account, so guessing here is no cheaper
        if (!throttle.tryAttempt(phone)) {
            throw LoginThrottle.lockedOut();
        }
        if (!borrowers.passwordMatches(borrowerId, password)) {
            throw ApiException.invalidField("password", "is wrong");
        }
        throttle.succeeded(phone);
        AccountClosureMapper.OpenBusiness open = mapper.openBusiness(borrowerId);
        if (open.openApplications() > 0 || open.openLoans() > 0) {
            throw ApiException.conflict("ACCOUNT_HAS_OPEN_LOAN", "An application or loan is still open; the account"
                    + " can be closed once it is settled, rejected or withdrawn");
        }
        if (open.moneyInFlight() > 0) {
            throw ApiException.conflict("PAYMENT_IN_PROGRESS", "A payment is still being processed; try again once"
                    + " it has completed");
        }
        if (open.disputedPayments() > 0) {
            // the channel and our records disagree about money that moved: settle that first, it may be owed to you
            throw ApiException.conflict("PAYMENT_UNDER_REVIEW", "A payment is being checked with the bank; the"
                    + " account can be closed once that is resolved");
        }
        if (open.refundsOwed() > 0) {
            throw ApiException.conflict("REFUND_OWED", "We owe you a refund; the account can be closed once it has"
                    + " been paid back to your card");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        LocalDate retainUntil = mapper.everBorrowed(borrowerId) ? today.plus(retention) : null;
        if (mapper.close(borrowerId, now, retainUntil) != 1) {
            throw ApiException.conflict("ACCOUNT_CLOSED", "This account is closed");
        }
        audit.record("borrower:" + borrowerId, "ACCOUNT_CLOSED", "BORROWER", borrowerId,
                Map.of("retainUntil", retainUntil == null ? "-" : retainUntil.toString()));
        boolean erased = retainUntil == null && erase(borrowerId, now, today);
        endSessionsAndCachedReports(borrowerId);
        return new Closure(now, erased, retainUntil);
    }

    /**
     * Last, inside the transaction: Redis failing refuses the closure (503, rolled back). The closed mark that stops
     * a racing login is taken back if the transaction rolls back after it was set, so an account that stays open
     * can log in.
     */
    private void endSessionsAndCachedReports(String borrowerId) {
        try {
            for (String consentId : mapper.creditAuthorizationConsentIds(borrowerId)) {
                bureauReports.evictObtainedUnder(consentId);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        sessions.reopenAfterFailedClosure(borrowerId);
                    }
                }
            });
            sessions.endAllForClosedAccount(borrowerId);
        } catch (DataAccessException e) {
            log.warn("Redis unreachable; account {} not closed: {}", borrowerId, e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN_LATER", "Your account could not be"
                    + " closed just now; nothing was changed, please try again in a few minutes");
        }
    }

    /** Daily, after the retention of closed accounts runs out: each borrower erased in its own transaction. */
    @Scheduled(cron = "${loanflow.retention.erasure-cron:0 20 3 * * *}", zone = "${loanflow.reminders.zone:Asia/Shanghai}")
    void eraseToday() {
        int erased = eraseDue(LocalDate.now(clock));
        if (erased > 0) {
            log.info("Personal data of {} closed accounts erased after their retention period", erased);
        }
    }

    /**
     * Erases every closed account due on that day, each in its own transaction; returns how many. One that fails is
     * logged and left for the next run; the others go on.
     */
    public int eraseDue(LocalDate today) {
        int erased = 0;
        for (String borrowerId : mapper.dueForErasure(today, MAX_PER_RUN)) {
            try {
                if (Boolean.TRUE.equals(eachBorrower.execute(status -> erase(borrowerId, LocalDateTime.now(clock),
                        today)))) {
                    erased++;
                }
            } catch (RuntimeException e) {
                log.error("Erasure of closed account {} failed; retried on the next run: {}", borrowerId, e.toString());
            }
        }
        return erased;
    }

    /** Clears the borrower's personal data everywhere; false when the borrower is not due (still retained, erased). */
    private boolean erase(String borrowerId, LocalDateTime at, LocalDate today) {
        List<String> applicationIds = mapper.applicationIds(borrowerId);
        if (mapper.eraseBorrower(borrowerId, at, today) != 1) {
            return false;
        }
        mapper.deleteIdentityDocument(borrowerId);
        mapper.eraseConsents(borrowerId);
        // a closed account must not reset the fraud signals: another borrower on the same device within 30 days (or
        // from the same IP within the hour) still counts this one, so those rows stay until the window passes
        // (DeviceLogRetention deletes them once the 30 days, and clears the IP index once the hour, have passed), unlinked: a random stand-in id, no application, region or
        // attributes, only the keyed blind indexes and the time. Everything else of the log goes now.
        mapper.deleteUncountedDeviceEvents(borrowerId, at.minus(com.loanflow.device.FraudSignals.SHARED_DEVICE_WINDOW),
                at.minus(com.loanflow.device.FraudSignals.IP_BURST_WINDOW));
        mapper.unlinkDeviceEvents(borrowerId, com.loanflow.device.DeviceEvent.unlinkedBorrowerId(),
                at.minus(com.loanflow.device.FraudSignals.IP_BURST_WINDOW), "{}");
        mapper.eraseContracts(borrowerId);
        mapper.eraseDisbursements(borrowerId);
        mapper.eraseRefundPayees(borrowerId);
        mapper.deleteCreditReports(borrowerId);
        mapper.eraseDecisionInputs(borrowerId);
        mapper.eraseApplications(borrowerId);
        mapper.eraseReviewComments(borrowerId);
        int variables = eraseProcessVariables(applicationIds);
        audit.record("system", "PERSONAL_DATA_ERASED", "BORROWER", borrowerId, Map.of(
                "applications", applicationIds.size(), "processVariables", variables));
        return true;
    }

    /**
     * Every variable in the engine's history of the borrower's applications: masked name, phone and ID number,
     * reviewers' comments, and (from before V12) bureau reports; and the engine's other copies of what people typed
     * about them: the submitted form fields (Tasklist keeps each as a FormProperty detail, not linked to the
     * variable) and comments. Names are not masked anywhere in free text, so these go too. The instances and
     * activities stay, without data.
     */
    private int eraseProcessVariables(List<String> applicationIds) {
        int deleted = 0;
        for (String applicationId : applicationIds) {
            List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                    .list().stream().map(HistoricProcessInstance::getId).toList();
            if (instances.isEmpty()) {
                continue;
            }
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(instances.toArray(String[]::new)).list()) {
                history.deleteHistoricVariableInstance(variable.getId());
                deleted++;
            }
            for (String instance : instances) {
                mapper.deleteFormPropertyDetails(instance);
                mapper.deleteEngineComments(instance);
            }
        }
        return deleted;
    }
}
