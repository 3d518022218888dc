package com.loanflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.RunningPlatform;
import com.loanflow.payment.DisbursingApplication;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A review the platform did not finish in time cancels the application (R_REVIEW_TIMEOUT) on the platform's side as
 * in the process: its slot is freed for a new application, and the borrower is told why by SMS, not left to find out.
 */
class ReviewTimeoutTest extends RunningPlatform {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    com.loanflow.shared.FieldCipher cipher;

    @Test
    void aReviewNotFinishedInTimeCancelsTheApplicationFreesItsSlotAndTellsTheBorrower() throws Exception {
        // assessed; entering the review task moves it to IN_REVIEW
        var application = new DisbursingApplication(jdbc, cipher, runtime, "700.00",
                DisbursingApplication.randomValidCard(), "ASSESSING", "Task_ReviewApplication",
                Map.of("applicationId", "fixture", "reviewGroup", "reviewers"));
        String processInstanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(application.applicationId).singleResult().getId();
        int toldBefore = count("SELECT COUNT(*) FROM sandbox_sms_outbox WHERE body LIKE ?", "%未能在审核时限内%");

        // the review's five days have passed
        management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).timers()
                .singleResult().getId());

        DisbursingApplication.await("the cancellation", () -> "CANCELLED".equals(application.applicationStatus()));
        assertThat(jdbc.queryForMap("SELECT reason_codes, open_slot FROM loan_application WHERE id = ?",
                application.applicationId)).containsEntry("reason_codes", "R_REVIEW_TIMEOUT")
                .containsEntry("open_slot", null);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        DisbursingApplication.await("the borrower's SMS", () -> count(
                "SELECT COUNT(*) FROM sandbox_sms_outbox WHERE body LIKE ?", "%未能在审核时限内%") == toldBefore + 1);
    }
}
