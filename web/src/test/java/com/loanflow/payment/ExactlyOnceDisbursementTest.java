package com.loanflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.shared.FieldCipher;
import java.net.http.HttpClient;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Exactly one payout and one ledger posting, whatever the triggers and the channel do (issue 7, "Must show"). */
@PlatformTest
class ExactlyOnceDisbursementTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Disbursements disbursements;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiftyConcurrentTriggersForOneApplicationCreateOnePayoutWithOneRequestId() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");

        var outcomes = Concurrently.run(50, () -> disbursements.request(application.applicationId));

        assertThat(outcomes).extracting(Concurrently.Outcome::error).containsOnlyNulls();
        assertThat(outcomes.stream().map(o -> o.value().requestId()).distinct()).hasSize(1);
        assertThat(jdbc.queryForList("SELECT request_id FROM disbursement WHERE application_id = ?", String.class,
                application.applicationId)).containsExactly(outcomes.get(0).value().requestId());
    }

    @Test
    void theSameCallbackDeliveredTenTimesConcurrentlyChangesStateOnceAndPostsOnce() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1200.00");
        var order = disbursements.request(application.applicationId);
        byte[] body = DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null);

        var outcomes = Concurrently.run(10, () -> DisbursingApplication.deliver(http, port, body));

        assertThat(outcomes).extracting(Concurrently.Outcome::error).containsOnlyNulls();
        assertThat(outcomes).extracting(o -> o.value().statusCode()).containsOnly(200);
        assertThat(outcomes).filteredOn(o -> o.value().body().contains("APPLIED")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT version FROM disbursement WHERE id = ?", Integer.class,
                order.disbursementId())).as("one state change").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_callback WHERE request_id = ?", Integer.class,
                order.requestId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE application_id = ?", Integer.class,
                application.applicationId)).isEqualTo(1);
        assertThat(ledger.lines("DISBURSEMENT:" + order.disbursementId())).containsExactly(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, application.amount),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, application.amount));

        application.awaitLoanId();
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aPermanentFailureEndsInDisbursementFailedAndLeavesTheLedgerUnchanged() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "700.00");
        var order = disbursements.request(application.applicationId);

        var response = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "FAILED", "CARD_INVALID"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).as("committed with the callback").isEqualTo("FAILED");
        // the process records the failure in a job of its own, after the callback's transaction
        DisbursingApplication.await("the failure recorded",
                () -> "DISBURSEMENT_FAILED".equals(application.applicationStatus()));
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).isEqualTo("FAILED");
        assertThat(ledger.lines("DISBURSEMENT:" + order.disbursementId())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE application_id = ?", Integer.class,
                application.applicationId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE application_id = ?", Integer.class,
                application.applicationId)).isZero();
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aPayoutTheChannelRefusedOutrightIsFailedOnRecordAndALaterSuccessIsAConflict() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "700.00");
        var order = disbursements.request(application.applicationId);

        // the worker's report of the channel's 400; again (a retried report) changes nothing
        assertThat(disbursements.markRefused(order.disbursementId(), "CARD_INVALID")).isEqualTo("CARD_INVALID");
        assertThat(disbursements.markRefused(order.disbursementId(), "CARD_INVALID")).isEqualTo("CARD_INVALID");
        assertThat(jdbc.queryForMap("SELECT status, failure_code FROM disbursement WHERE id = ?",
                order.disbursementId())).containsEntry("status", "FAILED").containsEntry("failure_code", "CARD_INVALID");

        // the channel's word later contradicting its refusal moves nothing and posts nothing: operations see it
        var success = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null));
        assertThat(success.body()).contains("CONFLICT");
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).isEqualTo("FAILED");
        assertThat(ledger.lines("DISBURSEMENT:" + order.disbursementId())).isEmpty();

        // a payout the channel accepted is not refused afterwards
        var accepted = new DisbursingApplication(jdbc, cipher, runtime, "700.00");
        var sent = disbursements.request(accepted.applicationId);
        disbursements.markSent(sent.disbursementId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> disbursements.markRefused(sent.disbursementId(), "X"))
                .isInstanceOf(com.loanflow.shared.ApiException.class).hasMessageContaining("SENT");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aFailureCodeThatIsNotACodeIsKeptAsOtherNowhereAsText() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "700.00");
        var order = disbursements.request(application.applicationId);

        var response = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "FAILED", "CARD_6222020000000007_INVALID"));

        assertThat(response.statusCode()).isEqualTo(200);
        DisbursingApplication.await("the failure recorded",
                () -> "DISBURSEMENT_FAILED".equals(application.applicationStatus()));
        assertThat(jdbc.queryForObject("SELECT failure_code FROM disbursement WHERE id = ?", String.class,
                order.disbursementId())).isEqualTo("OTHER");
        assertThat(jdbc.queryForObject("SELECT reason_codes FROM loan_application WHERE id = ?", String.class,
                application.applicationId)).isEqualTo("D_OTHER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ LIKE ?", Integer.class,
                "%6222020000000007%")).as("the card number in no process variable").isZero();

        assertThat(PaymentCallbacks.failureCode("INSUFFICIENT_BALANCE")).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(PaymentCallbacks.failureCode("E100234")).as("a short number is part of a code").isEqualTo("E100234");
        assertThat(PaymentCallbacks.failureCode("card 6222...0007 invalid")).isEqualTo("OTHER");
        assertThat(PaymentCallbacks.failureCode("X".repeat(41))).isEqualTo("OTHER");
        assertThat(PaymentCallbacks.failureCode(null)).isNull();
    }
}
