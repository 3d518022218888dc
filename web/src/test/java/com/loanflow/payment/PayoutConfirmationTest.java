package com.loanflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.shared.FieldCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A payout the channel accepted and never answered is settled from the channel's confirmation, four eyes, through
 * the callback's own path: applied once, and a late answer of the channel's is a duplicate or a conflict kept for
 * operations, never a second change.
 */
@PlatformTest
class PayoutConfirmationTest {

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
    LedgerInvariants invariants;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPaymentTheChannelConfirmsIsAppliedOnceByASecondOperatorAndTheLoanBegins() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "800.00");
        String disbursementId = unanswered(application);
        String path = "/ops/v1/disbursements/" + disbursementId + "/channel-confirmation";
        String paid = "{\"status\":\"SUCCEEDED\",\"channelTransactionId\":\"CH-TXN-778899\",\"ticket\":\"SUP-20261127-01\"}";

        assertThat(post(path, paid, null).statusCode()).isEqualTo(401);
        assertThat(post(path, paid, "reviewer1").statusCode()).isEqualTo(403);
        assertThat(post(path, paid, "ops1").statusCode()).as("the channel's answer is still expected")
                .isEqualTo(409);
        jdbc.update("UPDATE disbursement SET updated_at = ? WHERE id = ?", LocalDateTime.now().minusHours(2),
                disbursementId);
        for (String[] bad : new String[][] {
                {"{\"status\":\"PAID\",\"channelTransactionId\":\"T1\",\"ticket\":\"SUP-1\"}", "status"},
                {"{\"status\":\"SUCCEEDED\",\"ticket\":\"SUP-1\"}", "channelTransactionId"},
                {"{\"status\":\"FAILED\",\"channelTransactionId\":\"T1\",\"ticket\":\"SUP-1\"}", "channelTransactionId"},
                {"{\"status\":\"SUCCEEDED\",\"channelTransactionId\":\"T1\",\"ticket\":\"x\"}", "ticket"},
                {"{\"status\":\"SUCCEEDED\",\"channelTransactionId\":\"T1\",\"ticket\":\"SUP-1\",\"amount\":\"9.00\"}",
                        "amount"}}) {
            var refused = post(path, bad[0], "ops1");
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("fieldErrors").findValuesAsText("field"))
                    .containsExactly(bad[1]);
        }
        assertThat(confirmedBy(disbursementId)).as("refusals record nothing").isNull();

        var recorded = post(path, paid, "ops1");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(post(path, paid, "ops1").body()).as("the same confirmation again").isEqualTo(recorded.body());
        var different = post(path, paid.replace("CH-TXN-778899", "CH-TXN-000000"), "ops2");
        assertThat(json.readTree(different.body()).path("code").asText()).isEqualTo("CONFIRMATION_RECORDED");
        JsonNode listed = json.readTree(get("/ops/v1/disbursements/unanswered?limit=500", "ops2").body());
        assertThat(listed).filteredOn(p -> p.path("disbursementId").asText().equals(disbursementId)).singleElement()
                .satisfies(p -> assertThat(p.path("confirmation").path("recordedBy").asText()).isEqualTo("ops1"));
        assertThat(status(disbursementId)).as("one operator's word changes nothing").isEqualTo("SENT");

        var self = post(path + "/approval", paid, "ops1");
        assertThat(json.readTree(self.body()).path("code").asText()).isEqualTo("FOUR_EYES_REQUIRED");
        assertThat(post(path + "/approval", "{}", "ops2").statusCode()).as("what was reviewed is named").isEqualTo(400);
        var unseen = post(path + "/approval", paid.replace("SUP-20261127-01", "SUP-20261127-02"), "ops2");
        assertThat(json.readTree(unseen.body()).path("code").asText()).as("not the confirmation on record")
                .isEqualTo("CONFIRMATION_CHANGED");
        assertThat(status(disbursementId)).isEqualTo("SENT");
        var applied = post(path + "/approval", paid, "ops2");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json.readTree(applied.body()).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(status(disbursementId)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT channel_txn_id FROM disbursement WHERE id = ?", String.class,
                disbursementId)).isEqualTo("CH-TXN-778899");
        assertThat(application.awaitLoanId()).as("the loan begins").isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "DISBURSEMENT:" + disbursementId)).isEqualTo(1);
        assertThat(json.readTree(post(path + "/approval", paid, "ops2").body()).path("outcome").asText())
                .as("approved again").isEqualTo("DUPLICATE");

        // the channel's own answer arriving late: the same one is a duplicate, a contradicting one a conflict for ops
        String requestId = jdbc.queryForObject("SELECT request_id FROM disbursement WHERE id = ?", String.class,
                disbursementId);
        assertThat(DisbursingApplication.deliver(http, port, DisbursingApplication.callback(requestId, "SUCCEEDED",
                null)).body()).contains("DUPLICATE");
        assertThat(DisbursingApplication.deliver(http, port, DisbursingApplication.callback(requestId, "FAILED",
                "INVALID_CARD")).body()).contains("CONFLICT");
        assertThat(status(disbursementId)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "DISBURSEMENT:" + disbursementId)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT actor FROM audit_log WHERE subject_id = ? AND action LIKE"
                + " 'PAYOUT_CONFIRMATION_%' ORDER BY seq", String.class, disbursementId))
                .containsExactly("ops1", "ops2", "ops2");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aConfirmationTheSecondOperatorRejectsIsClearedAndAConfirmedNonPaymentEndsTheApplication() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00");
        String disbursementId = unanswered(application);
        jdbc.update("UPDATE disbursement SET updated_at = ? WHERE id = ?", LocalDateTime.now().minusHours(2),
                disbursementId);
        String path = "/ops/v1/disbursements/" + disbursementId + "/channel-confirmation";

        assertThat(post(path, "{\"status\":\"SUCCEEDED\",\"channelTransactionId\":\"CH-1\",\"ticket\":\"SUP-0002\"}",
                "ops1").statusCode()).isEqualTo(200);
        assertThat(post(path + "/rejection", "{}", "ops2").statusCode()).as("a reason is required").isEqualTo(400);
        assertThat(post(path + "/rejection", "{\"reason\":\"ticket SUP-0002 is about another payout\"}", "ops2")
                .statusCode()).isEqualTo(200);
        assertThat(confirmedBy(disbursementId)).isNull();
        assertThat(json.readTree(post(path + "/approval", "{\"status\":\"SUCCEEDED\",\"channelTransactionId\":\"CH-1\","
                + "\"ticket\":\"SUP-0002\"}", "ops2").body()).path("code").asText()).isEqualTo("NO_CONFIRMATION");

        assertThat(post(path, "{\"status\":\"FAILED\",\"ticket\":\"SUP-0003\"}", "ops2").statusCode()).isEqualTo(200);
        var applied = post(path + "/approval", "{\"status\":\"FAILED\",\"ticket\":\"SUP-0003\"}", "ops1");

        assertThat(json.readTree(applied.body()).path("outcome").asText()).as(applied.body()).isEqualTo("APPLIED");
        assertThat(jdbc.queryForMap("SELECT status, failure_code FROM disbursement WHERE id = ?", disbursementId))
                .containsEntry("status", "FAILED").containsEntry("failure_code", "CONFIRMED_NOT_PAID");
        DisbursingApplication.await("the application to end", () -> "DISBURSEMENT_FAILED"
                .equals(application.applicationStatus()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "DISBURSEMENT:" + disbursementId)).as("no money moved").isZero();
        assertThat(json.readTree(post(path, "{\"status\":\"FAILED\",\"ticket\":\"SUP-0003\"}", "ops2").body())
                .path("code").asText()).as("answered now").isEqualTo("PAYOUT_ANSWERED");
        assertThat(invariants.check().violations()).isEmpty();
    }

    /** Requested and accepted by the channel (SENT), but no answer ever comes: the channel never saw it. */
    private String unanswered(DisbursingApplication application) {
        var order = disbursements.request(application.applicationId);
        disbursements.markSent(order.disbursementId());
        return order.disbursementId();
    }

    private String status(String disbursementId) {
        return jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, disbursementId);
    }

    private String confirmedBy(String disbursementId) {
        return jdbc.queryForObject("SELECT confirmed_by FROM disbursement WHERE id = ?", String.class, disbursementId);
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        withOps(request, user);
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        withOps(request, user);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void withOps(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
