package com.loanflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An engine user with UPDATE on process instances (ops, for retries in Cockpit; the workers' account) can move a
 * process anywhere by modification or correlate its messages by hand. Approval and a loan are therefore checked as
 * facts in the database by the steps that act on them: credit terms only for an automatic approval or a recorded
 * reviewer's approval, a loan only for a payout the channel confirmed. Reaching the step without the fact is an
 * incident, and nothing is approved or lent.
 */
@PlatformTest
class ApprovalAndLoanAreFactsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    com.loanflow.ledger.Ledger ledger;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    com.loanflow.ledger.LedgerInvariants invariants;

    @Test
    void creditTermsAreNotSetForAnApplicationInReviewThatNoReviewerApproved() throws Exception {
        // moved past Task_ReviewApplication by modification: the decision asked for a review, none is recorded
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222020000000007",
                "IN_REVIEW", "Task_SetCreditTerms");
        jdbc.update("INSERT INTO risk_decision (id, application_id, outcome, reason_codes, default_probability,"
                        + " risk_tier, review_group, rule_set_version, table_version, model_version, input_sha256,"
                        + " latency_micros, decided_at) VALUES (?, ?, 'REVIEW', 'R_BORDERLINE_SCORE', 0.2000, 'C',"
                        + " 'senior-reviewers', 'r', 't', 'm', ?, 100, ?)", Ids.newId(), application.applicationId,
                "0".repeat(64), LocalDateTime.now().withNano(0));

        // the job may have run before the decision row was there ("No risk decision"): run it now, with the row
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.applicationId)
                .singleResult().getId();
        String failure = null;
        for (int attempt = 0; attempt < 20 && (failure == null || !failure.contains("is not approved")); attempt++) {
            String jobId = management.createJobQuery().processInstanceId(instanceId).singleResult().getId();
            try {
                management.executeJob(jobId);
                failure = "executed without failing";
            } catch (org.camunda.bpm.engine.OptimisticLockingException executorRanItConcurrently) {
                Thread.sleep(200);
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }

        assertThat(failure).contains("is not approved");
        assertThat(status(application.applicationId)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_contract WHERE application_id = ?", Integer.class,
                application.applicationId)).isZero();
    }

    @Test
    void noLoanIsActivatedWithoutAPayoutTheChannelConfirmed() throws Exception {
        // PayoutSucceeded correlated by hand: no disbursement row says the money left
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222020000000007",
                "DISBURSING", "Task_ActivateLoan");

        String failure = firstFailure(application.applicationId);

        assertThat(failure).contains("has no succeeded payout");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE application_id = ?", Integer.class,
                application.applicationId)).isZero();
        assertThat(status(application.applicationId)).isEqualTo("DISBURSING");
    }

    @Test
    void theLoanRunsFromThePayoutNotFromTheActivationStep() throws Exception {
        // the channel confirmed the payout two seconds before midnight; the activation job runs a day later
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222020000000007",
                "DISBURSING", "Task_ActivateLoan");
        assertThat(firstFailure(application.applicationId)).contains("has no succeeded payout");
        LocalDateTime paidOutAt = java.time.LocalDate.now().minusDays(1).atTime(23, 59, 58);
        String disbursementId = Ids.newId();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO disbursement (id, application_id, request_id, channel, amount, bank_card_enc, status,"
                    + " channel_txn_id, created_at, updated_at, version) VALUES (?, ?, ?, 'SANDBOX', 1000.00, 'x',"
                    + " 'SUCCEEDED', 'CT-late', ?, ?, 1)", disbursementId, application.applicationId,
                    "PO" + application.applicationId.replace("-", "").substring(0, 20), paidOutAt.minusMinutes(1), paidOutAt);
            // and its entry in the books, as the channel's confirmation posts it (the ledger invariants hold after this)
            ledger.post(com.loanflow.ledger.JournalEntry.disbursement(disbursementId, application.applicationId,
                    new java.math.BigDecimal("1000.00"), java.math.BigDecimal.ZERO.setScale(2), paidOutAt));
        });

        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.applicationId)
                .singleResult().getId();
        for (int attempt = 0; attempt < 20; attempt++) {
            var job = management.createJobQuery().processInstanceId(instanceId).singleResult();
            if (job == null) {
                break; // the executor ran it
            }
            try {
                management.executeJob(job.getId());
            } catch (org.camunda.bpm.engine.OptimisticLockingException executorRanItConcurrently) {
                Thread.sleep(200);
            }
        }
        String loanId = application.awaitLoanId();

        assertThat(jdbc.queryForObject("SELECT disbursed_at FROM loan WHERE id = ?", LocalDateTime.class, loanId))
                .isEqualTo(paidOutAt);
        assertThat(jdbc.queryForObject("SELECT due_date FROM installment WHERE loan_id = ? AND seq = 1",
                java.time.LocalDate.class, loanId)).isEqualTo(paidOutAt.toLocalDate().plusMonths(1));
        assertThat(invariants.check().violations()).isEmpty();
    }

    private String firstFailure(String applicationId) throws InterruptedException {
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .singleResult().getId();
        DisbursingApplication.await("the step to fail", () -> management.createJobQuery()
                .processInstanceId(instanceId).withException().count() == 1);
        return management.createJobQuery().processInstanceId(instanceId).singleResult().getExceptionMessage();
    }

    private String status(String applicationId) {
        return jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class, applicationId);
    }
}
