package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.payment.PaidOutLoans;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money a loan did not owe goes back to the borrower with four eyes: recorded by one operator from the outgoing bank
 * statement line, approved by another; only then is the repayment REFUNDED and the payable cleared in the ledger,
 * once. Refusals change nothing.
 */
@PlatformTest
class RefundTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaidOutLoans paidOutLoans;

    @Autowired
    Withholdings withholdings;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void moneyTheLoanDidNotOweIsPaidBackOnceWithFourEyes() throws Exception {
        var paidOut = paidOutLoans.paidOut("600.00");
        String loanId = paidOut.loanId();
        String card = paidOut.application().bankCard;
        String repaymentId = refundDue(paidOut.application().borrowerId, loanId, "1");
        String applicationId = jdbc.queryForObject("SELECT application_id FROM loan WHERE id = ?", String.class, loanId);
        String reference = "OUT" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String body = refundBody(reference, card);

        // refusals first: no credentials, not ops, a malformed reference, a repayment that is not REFUND_DUE
        assertThat(post("/ops/v1/repayments/" + repaymentId + "/refund", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/ops/v1/repayments/" + repaymentId + "/refund", body, "reviewer1").statusCode()).isEqualTo(403);
        var malformed = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody("x'; --", card), "ops1");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("fieldErrors").findValuesAsText("field"))
                .containsExactly("bankReference");
        var wrongAmount = post("/ops/v1/repayments/" + repaymentId + "/refund",
                "{\"bankReference\":\"" + reference + "\",\"amount\":\"99.99\",\"payeeCardNumber\":\"" + card + "\"}",
                "ops1");
        assertThat(wrongAmount.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongAmount.body()).path("fieldErrors").findValuesAsText("field")).containsExactly("amount");
        // paid to any other card than the loan's: refused on the field, the loan's card named masked only
        var otherPayee = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody(reference, "6222020000000056"),
                "ops1");
        assertThat(otherPayee.statusCode()).isEqualTo(400);
        JsonNode payeeError = json.readTree(otherPayee.body()).path("fieldErrors").get(0);
        assertThat(payeeError.path("field").asText()).isEqualTo("payeeCardNumber");
        assertThat(payeeError.path("message").asText()).contains("****" + card.substring(card.length() - 4))
                .doesNotContain(card);
        var noPayee = post("/ops/v1/repayments/" + repaymentId + "/refund",
                "{\"bankReference\":\"" + reference + "\",\"amount\":\"100.00\"}", "ops1");
        assertThat(json.readTree(noPayee.body()).path("fieldErrors").findValuesAsText("field"))
                .containsExactly("payeeCardNumber");
        String applied = appliedRepayment(loanId);
        var notDue = post("/ops/v1/repayments/" + applied + "/refund", refundBody("OUT-NOT-DUE-1", card), "ops1");
        assertThat(notDue.statusCode()).isEqualTo(409);
        assertThat(json.readTree(notDue.body()).path("code").asText()).isEqualTo("NO_REFUND_DUE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund WHERE repayment_id IN (?, ?)", Integer.class,
                repaymentId, applied)).isZero();

        // ops1 records the outgoing transfer: nothing is posted yet; the same line again is the same record
        var recorded = post("/ops/v1/repayments/" + repaymentId + "/refund", body, "ops1");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode refund = json.readTree(recorded.body());
        String refundId = refund.path("refundId").asText();
        assertThat(refund.path("status").asText()).isEqualTo("PENDING");
        assertThat(refund.path("amount").asText()).isEqualTo("100.00");
        assertThat(refund.path("payeeCard").asText()).isEqualTo("****" + card.substring(card.length() - 4));
        assertThat(recorded.body()).doesNotContain(card);
        assertThat(json.readTree(post("/ops/v1/repayments/" + repaymentId + "/refund", body, "ops1").body())
                .path("refundId").asText()).isEqualTo(refundId);
        var otherDetails = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody(reference,
                "6222020000000056"), "ops1");
        assertThat(otherDetails.statusCode()).as("the same line read with another payee").isEqualTo(409);
        assertThat(json.readTree(otherDetails.body()).path("code").asText()).isEqualTo("BANK_REFERENCE_RECORDED");
        var second = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody("OUT-OTHER-LINE", card), "ops2");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json.readTree(second.body()).path("code").asText()).isEqualTo("REFUND_RECORDED");
        assertThat(ledger.lines("REFUND:" + refundId)).isEmpty();
        assertThat(status(repaymentId)).isEqualTo("REFUND_DUE");
        assertThat(refundPayable(applicationId)).isEqualByComparingTo("100.00");
        JsonNode waiting = json.readTree(get("/ops/v1/repayments/attention?limit=500", "ops2").body());
        assertThat(waiting).filteredOn(a -> a.path("repaymentId").asText().equals(repaymentId)).singleElement()
                .satisfies(a -> {
                    assertThat(a.path("reason").asText()).isEqualTo("REFUND_AWAITING_APPROVAL");
                    assertThat(a.path("refundId").asText()).isEqualTo(refundId);
                });
        assertThat(json.readTree(get("/ops/v1/refunds/pending?limit=500", "ops2").body()).findValuesAsText("refundId"))
                .contains(refundId);

        // the recorder cannot approve; another operator can, once
        var self = post("/ops/v1/refunds/" + refundId + "/approval", "{}", "ops1");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(json.readTree(self.body()).path("code").asText()).isEqualTo("FOUR_EYES_REQUIRED");
        // nor under another spelling of the same login: Camunda's identity tables compare ids exactly, so OPS1 is
        // refused at login (401); an identity provider that matched it to ops1 is covered by OpsApiSecurityTest
        HttpResponse<String> respelled = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/ops/v1/refunds/" + refundId + "/approval")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("OPS1:ops1".getBytes(
                        StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(respelled.statusCode()).as(respelled.body()).isIn(401, 409);
        if (respelled.statusCode() == 409) {
            assertThat(json.readTree(respelled.body()).path("code").asText()).isEqualTo("FOUR_EYES_REQUIRED");
        }
        var approved = post("/ops/v1/refunds/" + refundId + "/approval", "{}", "ops2");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("status").asText()).isEqualTo("PAID");
        assertThat(post("/ops/v1/refunds/" + refundId + "/approval", "{}", "ops2").statusCode()).isEqualTo(200);
        assertThat(status(repaymentId)).isEqualTo("REFUNDED");
        assertThat(ledger.lines("REFUND:" + refundId)).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.BORROWER_REFUND_PAYABLE, new BigDecimal("100.00")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("100.00")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "REFUND:" + refundId)).isEqualTo(1);
        var rejectPaid = post("/ops/v1/refunds/" + refundId + "/rejection", "{\"reason\":\"late\"}", "ops2");
        assertThat(rejectPaid.statusCode()).isEqualTo(409);
        assertThat(json.readTree(rejectPaid.body()).path("code").asText()).isEqualTo("REFUND_DECIDED");
        JsonNode attention = json.readTree(get("/ops/v1/repayments/attention?limit=500", "ops1").body());
        assertThat(attention.findValuesAsText("repaymentId")).as("no longer owed back").doesNotContain(repaymentId);
        assertThat(refundPayable(applicationId)).isEqualByComparingTo("0.00");
        assertThat(invariants.check().violations()).noneMatch(v -> v.contains(applicationId));
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE subject_id = ? AND action LIKE 'REFUND_%'",
                String.class, loanId)).containsExactlyInAnyOrder("REFUND_RECORDED", "REFUND_APPROVED");
    }

    @Test
    void aDisputedDebitIsNotRefundedAndARejectedLineCanBeRecordedAgainst() throws Exception {
        var paidOut = paidOutLoans.paidOut("700.00");
        String loanId = paidOut.loanId();
        String card = paidOut.application().bankCard;
        String applicationId = jdbc.queryForObject("SELECT application_id FROM loan WHERE id = ?", String.class, loanId);
        String repaymentId = refundDue(paidOut.application().borrowerId, loanId, "1");
        String other = refundDue(paidOut.application().borrowerId, loanId, "2");

        // the channel later contradicted its confirmation: not certain the money arrived, so nothing goes back yet
        String requestId = jdbc.queryForObject("SELECT request_id FROM withholding WHERE repayment_id = ?", String.class,
                repaymentId);
        jdbc.update("INSERT INTO payment_callback_conflict (id, channel, request_id, applied_status, status, received_at)"
                + " VALUES (?, 'sandbox', ?, 'SUCCEEDED', 'FAILED', ?)", UUID.randomUUID().toString(), requestId,
                java.time.LocalDateTime.now().withNano(0));
        String line = "OUTLINE" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var disputed = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody(line, card),
                "ops1");
        assertThat(disputed.statusCode()).isEqualTo(409);
        assertThat(json.readTree(disputed.body()).path("code").asText()).isEqualTo("REFUND_BLOCKED_BY_DISPUTE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund WHERE repayment_id = ?", Integer.class,
                repaymentId)).isZero();

        // the statement line recorded against the wrong repayment first: refused elsewhere while it stands,
        // rejected with a reason, then recorded against the right one
        String wrongId = json.readTree(post("/ops/v1/repayments/" + other + "/refund",
                refundBody(line, card), "ops1").body()).path("refundId").asText();
        jdbc.update("DELETE FROM payment_callback_conflict WHERE request_id = ?", requestId);   // dispute settled
        var taken = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody(line, card),
                "ops1");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json.readTree(taken.body()).path("code").asText()).isEqualTo("BANK_REFERENCE_RECORDED");
        assertThat(post("/ops/v1/refunds/" + wrongId + "/rejection", "{}", "ops2").statusCode())
                .as("a reason is required").isEqualTo(400);
        var rejected = post("/ops/v1/refunds/" + wrongId + "/rejection", "{\"reason\":\"wrong repayment\"}", "ops2");
        assertThat(json.readTree(rejected.body()).path("status").asText()).isEqualTo("REJECTED");
        assertThat(status(other)).isEqualTo("REFUND_DUE");
        assertThat(ledger.lines("REFUND:" + wrongId)).isEmpty();

        var right = post("/ops/v1/repayments/" + repaymentId + "/refund", refundBody(line, card),
                "ops2");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        String rightId = json.readTree(right.body()).path("refundId").asText();
        assertThat(rightId).isNotEqualTo(wrongId);
        assertThat(post("/ops/v1/refunds/" + rightId + "/approval", "{}", "ops1").statusCode()).isEqualTo(200);
        assertThat(status(repaymentId)).isEqualTo("REFUNDED");
        assertThat(refundPayable(applicationId)).as("the other 100.00 is still owed back").isEqualByComparingTo("100.00");
        assertThat(invariants.check().violations()).noneMatch(v -> v.contains(applicationId));
    }

    /** The outgoing statement line: its reference, the 100.00 owed back and the card it was paid to. */
    private static String refundBody(String reference, String card) {
        return "{\"bankReference\":\"" + reference + "\",\"amount\":\"100.00\",\"payeeCardNumber\":\"" + card + "\"}";
    }

    private BigDecimal refundPayable(String applicationId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN jl.side = 'CREDIT' THEN jl.amount ELSE -jl.amount END),"
                + " 0) FROM journal_line jl JOIN journal_entry je ON je.id = jl.entry_id WHERE je.application_id = ?"
                + " AND jl.account = 'BORROWER_REFUND_PAYABLE'", BigDecimal.class, applicationId);
    }

    /**
     * A 100.00 withholding the channel confirms after the loan stopped owing it (forced, as in MoneyArrivedTest: the
     * API keeps what a withholding may collect out of every other repayment): REFUND_DUE.
     */
    private String refundDue(String borrowerId, String loanId, String n) throws Exception {
        Repayment pending = withholdings.request(borrowerId, loanId, "wh-r" + n + "-" + loanId.substring(0, 8),
                new BigDecimal("100.00"));
        String requestId = jdbc.queryForObject("SELECT request_id FROM withholding WHERE repayment_id = ?",
                String.class, pending.id());
        jdbc.update("UPDATE loan SET status = 'SETTLED' WHERE id = ?", loanId);
        try {
            var confirmed = DisbursingApplication.deliver(http, port,
                    DisbursingApplication.callback(requestId, "SUCCEEDED", null));
            assertThat(confirmed.statusCode()).isEqualTo(200);
        } finally {
            jdbc.update("UPDATE loan SET status = 'ACTIVE' WHERE id = ?", loanId);
        }
        assertThat(status(pending.id())).isEqualTo("REFUND_DUE");
        return pending.id();
    }

    /** A repayment of the loan that was applied: a small withholding the channel confirms. */
    private String appliedRepayment(String loanId) throws Exception {
        String borrowerId = jdbc.queryForObject("SELECT borrower_id FROM loan WHERE id = ?", String.class, loanId);
        Repayment pending = withholdings.request(borrowerId, loanId, "wh-a-" + loanId.substring(0, 8),
                new BigDecimal("10.00"));
        withholdings.send(pending.id());
        DisbursingApplication.await("the withholding applied", () -> "APPLIED".equals(status(pending.id())));
        return pending.id();
    }

    private String status(String repaymentId) {
        return jdbc.queryForObject("SELECT status FROM repayment WHERE id = ?", String.class, repaymentId);
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
