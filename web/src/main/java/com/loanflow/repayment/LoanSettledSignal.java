package com.loanflow.repayment;

import com.loanflow.loan.LoanMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a settled loan's process that the loan is settled (message LoanSettled, which ends it). Sent after the
 * settlement commits, in its own transaction: the money applied is a fact, and an engine that cannot take the message
 * (instance suspended or changed in Cockpit, a deadlock) must not roll it back, or make every later callback fail the
 * same way. A message that did not get through is sent again by the sweep, which looks at the settled loans not yet
 * marked as told (loan.settled_signal_at); a suspended process is told once it is activated.
 */
@Component
class LoanSettledSignal {

    static final String MESSAGE = "LoanSettled";
    private static final Logger log = LoggerFactory.getLogger(LoanSettledSignal.class);

    private final RuntimeService runtime;
    private final LoanMapper loans;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LoanSettledSignal(RuntimeService runtime, LoanMapper loans, PlatformTransactionManager transactions, Clock clock) {
        this.runtime = runtime;
        this.loans = loans;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Called in the settlement's transaction: the message goes once it has committed. */
    void afterCommit(String applicationId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(applicationId);
            }
        });
    }

    /** @return whether the process took the message now */
    boolean send(String applicationId) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(tx -> {
                boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(applicationId)
                        .messageEventSubscriptionName(MESSAGE).count() > 0;
                if (waiting && runtime.createExecutionQuery().processInstanceBusinessKey(applicationId)
                        .messageEventSubscriptionName(MESSAGE).active().count() == 0) {
                    // suspended by operations: told once they activate it, whenever that is (not marked, no error)
                    return false;
                }
                if (waiting) {
                    runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(applicationId).correlate();
                }
                // told, or nothing waits for it any more (ended another way): the sweep can forget this loan
                loans.markSettledSignal(applicationId, LocalDateTime.now(clock));
                return waiting;
            }));
        } catch (RuntimeException e) {
            log.warn("Loan of application {} is settled but its process did not take {} ({}); the sweep sends it again",
                    applicationId, MESSAGE, e.toString());
            return false;
        }
    }

    /**
     * Every minute: settled loans not yet marked as told, however long ago (a process suspended for an investigation
     * for weeks is told once it is activated; a look-back of days left it waiting for ever). Normally none: the
     * index finds them without reading the other loans.
     */
    @Scheduled(fixedDelayString = "${loanflow.settlement.signal-sweep:PT1M}")
    int sweep() {
        int sent = 0;
        for (String applicationId : loans.findApplicationsSettledUnsignalled()) {
            if (send(applicationId)) {
                log.info("Sent {} to the process of application {} on the sweep", MESSAGE, applicationId);
                sent++;
            }
        }
        return sent;
    }
}
