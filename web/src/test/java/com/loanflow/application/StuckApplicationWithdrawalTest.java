package com.loanflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.FieldCipher;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An approved application whose contract cannot be drawn up fails into an incident after its retries; it would hold
 * the borrower's one open application until operations act. The borrower may withdraw it: the stuck step is cancelled
 * and the process ends through its ordinary cancellation. While the step is merely running (no incident), the answer
 * stays "in a few seconds". The same holds for an identity check inside the verification subprocess.
 */
@PlatformTest
class StuckApplicationWithdrawalTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    Applications applications;

    @Autowired
    org.camunda.bpm.engine.ExternalTaskService externalTasks;

    @Test
    void anApplicationStuckOnAnIncidentBeforeTheSignatureCanBeWithdrawn() throws Exception {
        // approved, its borrower without a name on file: preparing the contract fails on every attempt
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222020000000007",
                "APPROVED", "Task_PrepareContract");
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.applicationId)
                .singleResult().getId();
        DisbursingApplication.await("the contract step to fail once", () -> management.createJobQuery()
                .processInstanceId(instanceId).withException().count() == 1);

        assertThatThrownBy(() -> applications.withdraw(application.borrowerId, application.applicationId))
                .as("still being retried: a few seconds").isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("APPLICATION_BEING_ASSESSED");

        // the retries run out (a minute apart in production; here at once)
        String jobId = management.createJobQuery().processInstanceId(instanceId).singleResult().getId();
        management.setJobRetries(jobId, 0);
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).singleResult().getActivityId())
                .isEqualTo("Task_PrepareContract");

        LoanApplication withdrawn = applications.withdraw(application.borrowerId, application.applicationId);

        assertCancelledThroughTheOrdinaryCancellation(withdrawn, instanceId, application.applicationId);
        assertThat(applications.withdraw(application.borrowerId, application.applicationId).status())
                .as("again: the same answer").isEqualTo(ApplicationStatus.CANCELLED);
    }

    @Test
    void anApplicationStuckBeforeTheIdentityChecksBeganCanBeWithdrawn() throws Exception {
        // the verification subprocess's own job (asyncBefore) records the VERIFYING status; here that change fails
        // on every attempt (the fixture's status cannot move to VERIFYING) and the incident is on the subprocess
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222020000000007",
                "IN_REVIEW", "SubProcess_VerifyIdentity");
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.applicationId)
                .singleResult().getId();
        DisbursingApplication.await("the subprocess's job to fail once", () -> management.createJobQuery()
                .processInstanceId(instanceId).withException().count() == 1);
        management.setJobRetries(management.createJobQuery().processInstanceId(instanceId).singleResult().getId(), 0);
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).singleResult().getActivityId())
                .isEqualTo("SubProcess_VerifyIdentity");

        LoanApplication withdrawn = applications.withdraw(application.borrowerId, application.applicationId);

        assertCancelledThroughTheOrdinaryCancellation(withdrawn, instanceId, application.applicationId);
    }

    @Test
    void anApplicationStuckInsideTheIdentityChecksCanBeWithdrawn() throws Exception {
        // submitted, its borrower without an ID document on file: the OCR worker gets 404 for the applicant, which
        // no retry mends, and raises the incident at once
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222020000000007",
                "SUBMITTED", "Task_OcrIdCard");
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.applicationId)
                .singleResult().getId();
        DisbursingApplication.await("the OCR step's incident", () -> runtime.createIncidentQuery()
                .processInstanceId(instanceId).activityId("Task_OcrIdCard").count() == 1);
        assertThat(jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class,
                application.applicationId)).isEqualTo("VERIFYING");

        LoanApplication withdrawn = applications.withdraw(application.borrowerId, application.applicationId);

        assertCancelledThroughTheOrdinaryCancellation(withdrawn, instanceId, application.applicationId);
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(instanceId).count())
                .as("no worker is left working on it").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("Task_OcrIdCard").canceled().count()).isEqualTo(1);
    }

    /** Cancelled as a withdrawal, the process ended through Task_CancelApplication, the borrower's slot free. */
    private void assertCancelledThroughTheOrdinaryCancellation(LoanApplication withdrawn, String instanceId,
                                                               String applicationId) {
        assertThat(withdrawn.status()).isEqualTo(ApplicationStatus.CANCELLED);
        assertThat(withdrawn.reasonCodes()).isEqualTo(Applications.WITHDRAWN_BY_BORROWER);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("End_ApplicationCancelled").finished().count()).as("through the ordinary cancellation")
                .isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("Task_CancelApplication").finished().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT open_slot FROM loan_application WHERE id = ?", Integer.class,
                applicationId)).as("the borrower may apply again").isNull();
    }
}
