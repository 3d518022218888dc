package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.payment.Concurrently;
import com.loanflow.payment.DisbursingApplication;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Repayment by withholding from the borrower's card through the sandbox channel: nothing is applied or posted
 * until the channel's signed callback confirms the debit, and then exactly once.
 */
@PlatformTest
class WithholdingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.loanflow.payment.PaidOutLoans paidOutLoans;

    @Autowired
    Withholdings withholdings;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    com.loanflow.borrower.SessionTokens sessions;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWithholdingIsAppliedAndPostedOnlyWhenTheChannelConfirmsTheDebit() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00", "6222020000000007");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        BigDecimal first = firstInstallment(loanId);

        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-" + loanId.substring(0, 8), first);

        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(ledger.lines("REPAYMENT:" + pending.id())).as("nothing posted before the callback").isEmpty();
        assertThat(jdbc.queryForObject("SELECT outstanding_principal FROM loan WHERE id = ?", BigDecimal.class, loanId))
                .isEqualByComparingTo("1000.00");
        Withholding sent = withholdings.send(pending.id());
        assertThat(sent.requestId()).startsWith("WH");
        assertThat(sent.installmentSeq()).isEqualTo(1);
        assertThat(sent.attempt()).isEqualTo(1);

        DisbursingApplication.await("the withholding callback", () -> "APPLIED".equals(repaymentStatus(pending.id())));

        assertThat(jdbc.queryForObject("SELECT status FROM withholding WHERE id = ?", String.class, sent.id()))
                .isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT status FROM installment WHERE loan_id = ? AND seq = 1", String.class,
                loanId)).isEqualTo("PAID");
        assertThat(ledger.lines("REPAYMENT:" + pending.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, first),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("160.53")),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, new BigDecimal("15.00")));
        assertThat(jdbc.queryForObject("SELECT kind FROM sandbox_channel_payout WHERE request_id = ?", String.class,
                sent.requestId())).isEqualTo("WITHHOLDING");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void tenConcurrentCopiesOfTheConfirmationApplyOnceAndPostOnce() throws Exception {
        var paidOut = paidOutLoans.paidOut("1200.00");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        BigDecimal first = firstInstallment(loanId);
        // recorded but not sent: the callbacks below are the only thing that can apply it
        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-c-" + loanId.substring(0, 8), first);
        String requestId = jdbc.queryForObject("SELECT request_id FROM withholding WHERE repayment_id = ?", String.class,
                pending.id());
        byte[] body = DisbursingApplication.callback(requestId, "SUCCEEDED", null);

        var outcomes = Concurrently.run(10, () -> DisbursingApplication.deliver(http, port, body));

        assertThat(outcomes).extracting(Concurrently.Outcome::error).containsOnlyNulls();
        assertThat(outcomes).extracting(o -> o.value().statusCode()).containsOnly(200);
        assertThat(outcomes).filteredOn(o -> o.value().body().contains("APPLIED")).hasSize(1);
        assertThat(repaymentStatus(pending.id())).isEqualTo("APPLIED");
        assertThat(jdbc.queryForObject("SELECT version FROM withholding WHERE request_id = ?", Integer.class, requestId))
                .as("one state change").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "REPAYMENT:" + pending.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT principal_paid + interest_paid FROM installment WHERE loan_id = ? AND seq = 1",
                BigDecimal.class, loanId)).isEqualByComparingTo(first);

        var stale = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(requestId, "PROCESSING", null));
        assertThat(stale.body()).contains("IGNORED");
        assertThat(repaymentStatus(pending.id())).isEqualTo("APPLIED");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aRefusedDebitFailsTheRepaymentPostsNothingAndTheNextAttemptGetsItsOwnKey() throws Exception {
        var paidOut = paidOutLoans.paidOut("700.00", "6217000000000303");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        BigDecimal first = firstInstallment(loanId);

        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-f-" + loanId.substring(0, 8), first);
        withholdings.send(pending.id());
        DisbursingApplication.await("the failure callback", () -> "FAILED".equals(repaymentStatus(pending.id())));

        assertThat(jdbc.queryForObject("SELECT failure_code FROM withholding WHERE repayment_id = ?", String.class,
                pending.id())).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(ledger.lines("REPAYMENT:" + pending.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT outstanding_principal FROM loan WHERE id = ?", BigDecimal.class, loanId))
                .isEqualByComparingTo("700.00");

        Repayment retry = withholdings.request(application.borrowerId, loanId, "wh-r-" + loanId.substring(0, 8), first);
        assertThat(jdbc.queryForList("SELECT attempt FROM withholding WHERE loan_id = ? AND installment_seq = 1"
                + " ORDER BY attempt", Integer.class, loanId)).containsExactly(1, 2);
        assertThat(retry.id()).isNotEqualTo(pending.id());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void theRepaymentApiWithholdsFromTheCardWhenAskedAndRefusesAnUnknownMethod() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00", "6222020000000007");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        String token = sessions.issue(application.borrowerId);
        String key = "wh-api-" + loanId.substring(0, 8);

        var accepted = repay(token, loanId, key, "{\"amount\":\"175.53\",\"method\":\"CARD_WITHHOLDING\"}");
        var again = repay(token, loanId, key, "{\"amount\":\"175.53\",\"method\":\"CARD_WITHHOLDING\"}");
        var unknown = repay(token, loanId, key + "x", "{\"amount\":\"175.53\",\"method\":\"CASH\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"method\":\"CARD_WITHHOLDING\"").contains("\"withholdingRequestId\":\"WH");
        String repaymentId = accepted.body().replaceAll(".*\"repaymentId\":\"([^\"]+)\".*", "$1");
        assertThat(again.body()).as("same key, same repayment").contains(repaymentId);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"method\"");
        DisbursingApplication.await("the withholding callback", () -> "APPLIED".equals(repaymentStatus(repaymentId)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM withholding WHERE loan_id = ?", Integer.class, loanId))
                .isEqualTo(1);
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aBusyChannelIsAskedAgainWithTheSameRequestIdUntilItAcceptsAndDebitsOnce() throws Exception {
        var paidOut = paidOutLoans.paidOut("1100.00", "6217000000000006");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        BigDecimal first = firstInstallment(loanId);

        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-b-" + loanId.substring(0, 8), first);
        Withholding busy = withholdings.send(pending.id());
        assertThat(busy.status()).as("answered CHANNEL_BUSY").isEqualTo(Withholding.Status.REQUESTED);
        DisbursingApplication.await("the re-sent withholding", () -> "APPLIED".equals(repaymentStatus(pending.id())));

        assertThat(jdbc.queryForObject("SELECT attempts FROM sandbox_channel_payout WHERE request_id = ?", Integer.class,
                busy.requestId())).as("busy, busy, accepted").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM withholding WHERE loan_id = ?", Integer.class, loanId))
                .as("one withholding, one request id").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "REPAYMENT:" + pending.id())).isEqualTo(1);
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aLostWithholdingCallbackIsFoundByTheStatusQuery() throws Exception {
        var paidOut = paidOutLoans.paidOut("900.00", "6222600000000006");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        BigDecimal first = firstInstallment(loanId);

        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-l-" + loanId.substring(0, 8), first);
        Withholding sent = withholdings.send(pending.id());
        DisbursingApplication.await("the status query", () -> "APPLIED".equals(repaymentStatus(pending.id())));

        var deliveries = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/sandbox/channel/v1/deliveries/" + sent.requestId())).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(deliveries.body()).as("the channel never delivered a callback").isEqualTo("[]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "REPAYMENT:" + pending.id())).isEqualTo(1);
        assertThat(invariants.check().violations()).isEmpty();
    }

    private java.net.http.HttpResponse<String> repay(String token, String loanId, String key, String body)
            throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/loans/" + loanId + "/repayments")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void idempotencyKeysThatDifferOnlyInCaseAreTwoRequests() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00", "6222020000000007");
        String borrowerId = paidOut.application().borrowerId;
        String loanId = paidOut.loanId();
        BigDecimal first = firstInstallment(loanId);
        String key = "wh-Key-" + loanId.substring(0, 8);
        Repayment paid = withholdings.request(borrowerId, loanId, key, first);
        withholdings.send(paid.id());
        DisbursingApplication.await("the first withholding", () -> "APPLIED".equals(repaymentStatus(paid.id())));

        // MySQL's and MariaDB's default collation made this the first request's key (and so its replay)
        Repayment next = withholdings.request(borrowerId, loanId, key.toLowerCase(), first);

        assertThat(next.id()).isNotEqualTo(paid.id());
        assertThat(next.status()).isEqualTo("PENDING");
        assertThat(withholdings.request(borrowerId, loanId, key, first).id()).as("the first key still replays")
                .isEqualTo(paid.id());
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM repayment WHERE loan_id = ? ORDER BY idempotency_key",
                String.class, loanId)).containsExactlyInAnyOrder(key, key.toLowerCase());
    }

    private BigDecimal firstInstallment(String loanId) {
        return jdbc.queryForObject("SELECT principal_due + interest_due FROM installment WHERE loan_id = ? AND seq = 1",
                BigDecimal.class, loanId);
    }

    private String repaymentStatus(String repaymentId) {
        return jdbc.queryForObject("SELECT status FROM repayment WHERE id = ?", String.class, repaymentId);
    }
}
