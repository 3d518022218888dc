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

    @Test
    void aPaymentAnsweredAfterMidnightDatesTheLoanByTheChannelsDayNotOurs() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");
        var order = disbursements.request(application.applicationId);
        disbursements.markSent(order.disbursementId());
        java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
        // requested and accepted a minute before midnight; the callback is applied today (retried past midnight)
        jdbc.update("UPDATE disbursement SET created_at = ?, updated_at = ? WHERE id = ?", yesterday.atTime(23, 59),
                yesterday.atTime(23, 59, 5), order.disbursementId());

        var answer = DisbursingApplication.deliver(http, port, DisbursingApplication.callback(order.requestId(),
                "SUCCEEDED", null, yesterday.atTime(23, 59, 30).toString()));

        assertThat(answer.body()).contains("APPLIED");
        String loanId = application.awaitLoanId();
        assertThat(disbursedOn(loanId)).as("the day the money moved").isEqualTo(yesterday);
        var expected = com.loanflow.loan.RepaymentSchedule.equalInstallments(new java.math.BigDecimal("1000.00"),
                jdbc.queryForObject("SELECT apr_percent FROM loan WHERE id = ?", java.math.BigDecimal.class, loanId),
                jdbc.queryForObject("SELECT term_months FROM loan WHERE id = ?", Integer.class, loanId), yesterday);
        assertThat(jdbc.queryForList("SELECT due_date FROM installment WHERE loan_id = ? ORDER BY seq",
                java.time.LocalDate.class, loanId))
                .containsExactlyElementsOf(expected.stream().map(com.loanflow.loan.RepaymentSchedule.Line::dueDate).toList());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aChannelDayOutsideThePossibleDaysIsHeldToThemAndWithoutOneTheAcceptanceOnRecordDatesIt() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now();
        var early = new DisbursingApplication(jdbc, cipher, runtime, "500.00");
        var earlyOrder = disbursements.request(early.applicationId);
        // a channel clock a year behind: the payout cannot have been accepted before it was requested (today)
        assertThat(DisbursingApplication.deliver(http, port, DisbursingApplication.callback(earlyOrder.requestId(),
                "SUCCEEDED", null, today.minusYears(1) + "T10:00:00")).body()).contains("APPLIED");
        var silent = new DisbursingApplication(jdbc, cipher, runtime, "500.00");
        var silentOrder = disbursements.request(silent.applicationId);
        disbursements.markSent(silentOrder.disbursementId());
        jdbc.update("UPDATE disbursement SET created_at = ?, updated_at = ? WHERE id = ?",
                today.minusDays(2).atTime(9, 0), today.minusDays(2).atTime(9, 0, 1), silentOrder.disbursementId());
        assertThat(DisbursingApplication.deliver(http, port, DisbursingApplication.callback(silentOrder.requestId(),
                "SUCCEEDED", null)).body()).contains("APPLIED");

        assertThat(paidOutOn(earlyOrder.disbursementId())).isEqualTo(today);
        assertThat(paidOutOn(silentOrder.disbursementId())).as("accepted two days ago, by our record")
                .isEqualTo(today.minusDays(2));
        String silentLoan = silent.awaitLoanId();
        assertThat(disbursedOn(silentLoan)).isEqualTo(today.minusDays(2));
        early.awaitLoanId();
    }

    private java.time.LocalDate paidOutOn(String disbursementId) {
        return jdbc.queryForObject("SELECT paid_out_on FROM disbursement WHERE id = ?", java.time.LocalDate.class,
                disbursementId);
    }

    private java.time.LocalDate disbursedOn(String loanId) {
        return jdbc.queryForObject("SELECT disbursed_at FROM loan WHERE id = ?", java.time.LocalDateTime.class, loanId)
                .toLocalDate();
    }
}
