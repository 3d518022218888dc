package com.loanflow.payment;

import com.loanflow.application.Applications;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Pem;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixture: a signed, approved application in DISBURSING whose process waits for the payout result, made
 * with rows and a process instance started at the gateway rather than the whole borrower journey (the e2e suite
 * covers that). Callbacks are signed with the sandbox channel's key, as the channel signs them.
 */
public final class DisbursingApplication {

    public final String borrowerId = Ids.newId();
    public final String applicationId = Ids.newId();
    public final BigDecimal amount;
    /** The card on the application (paid out to, debited by withholdings). */
    public final String bankCard;

    private final JdbcTemplate jdbc;

    public DisbursingApplication(JdbcTemplate jdbc, FieldCipher cipher, RuntimeService runtime, String amount) {
        this(jdbc, cipher, runtime, amount, randomValidCard());
    }

    /** An ordinary card the channel accepts: 62220200, seven random digits and the Luhn check digit. */
    public static String randomValidCard() {
        String body = "62220200" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        for (int check = 0; check <= 9; check++) {
            if (com.loanflow.shared.Luhn.isValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no Luhn check digit for " + body);
    }

    /** With the bank card the borrower gave (a sandbox test card decides how the channel behaves). */
    public DisbursingApplication(JdbcTemplate jdbc, FieldCipher cipher, RuntimeService runtime, String amount,
                                 String card) {
        this(jdbc, cipher, runtime, amount, card, "DISBURSING", "Gateway_AwaitPayoutResult");
    }

    /**
     * A fixture application in {@code status} whose process starts before {@code activityId}. Its borrower has a
     * phone and no name or ID number on file: a step that needs them (the contract) fails.
     */
    public DisbursingApplication(JdbcTemplate jdbc, FieldCipher cipher, RuntimeService runtime, String amount,
                                 String card, String status, String activityId) {
        this(jdbc, cipher, runtime, amount, card, status, activityId, java.util.Map.of());
    }

    /** ... with the process variables the activity needs (a review task's candidate group, say). */
    public DisbursingApplication(JdbcTemplate jdbc, FieldCipher cipher, RuntimeService runtime, String amount,
                                 String card, String status, String activityId, java.util.Map<String, Object> variables) {
        this.jdbc = jdbc;
        this.amount = new BigDecimal(amount);
        this.bankCard = card;
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        jdbc.update("INSERT INTO borrower (id, phone_enc, phone_idx, phone_masked, password_hash, verification_status,"
                        + " created_at) VALUES (?, ?, ?, ?, 'not-a-login', 'VERIFIED', ?)", borrowerId,
                cipher.encrypt(phone, FieldCipher.context("borrower", "phone", borrowerId)), randomHex(),
                phone.substring(0, 3) + "****" + phone.substring(7), now);
        jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount, term_months,"
                        + " bank_card_enc, bank_card_idx, bank_card_masked, purpose, status, open_slot, credit_limit,"
                        + " apr_percent, approved_amount, created_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, 6, ?, ?, ?, 'CONSUMPTION', ?, 1, ?, 18.00, ?, ?, ?, 0)",
                applicationId, borrowerId, "fixture-" + applicationId, this.amount,
                cipher.encrypt(card, FieldCipher.context("loan_application", "bank_card", applicationId)), randomHex(),
                card.substring(0, 4) + " **** **** " + card.substring(12), status, this.amount, this.amount, now, now);
        runtime.createProcessInstanceByKey(Applications.PROCESS_KEY).businessKey(applicationId)
                .setVariables(variables).startBeforeActivity(activityId).execute();
    }

    /** The channel's callback body, byte for byte the same on every delivery. */
    public static byte[] callback(String requestId, String status, String failureCode) {
        return callback(requestId, status, failureCode, null);
    }

    /** ... with the time the channel says it accepted the request (its local time, as the sandbox writes it). */
    public static byte[] callback(String requestId, String status, String failureCode, String acceptedAt) {
        String body = "{\"requestId\":\"" + requestId + "\",\"channelTransactionId\":\"CT" + requestId.substring(2)
                + "\",\"status\":\"" + status + "\",\"failureCode\":"
                + (failureCode == null ? "null" : "\"" + failureCode + "\"")
                + (acceptedAt == null ? "" : ",\"acceptedAt\":\"" + acceptedAt + "\"")
                + ",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static HttpResponse<String> deliver(HttpClient http, int port, byte[] body) throws Exception {
        PrivateKey channelKey = Pem.privateKey(Pem.classpath("sandbox/keys/channel-private.pem"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/payment-callbacks/sandbox"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Signature", Pem.sign(channelKey, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public String awaitLoanId() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var ids = jdbc.queryForList("SELECT id FROM loan WHERE application_id = ?", String.class, applicationId);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Loan for " + applicationId + " was not activated");
    }

    /** Signs and sends a payout request to the sandbox channel as the send-payout worker would. */
    public static HttpResponse<String> sendPayout(HttpClient http, int port, String requestId, String amount,
                                                  String card) throws Exception {
        return sendToChannel(http, port, "payouts", requestId, amount, card);
    }

    public static HttpResponse<String> sendToChannel(HttpClient http, int port, String kind, String requestId,
                                                     String amount, String card) throws Exception {
        PrivateKey merchantKey = Pem.privateKey(Pem.classpath("sandbox/keys/merchant-private.pem"));
        byte[] body = ("{\"merchantId\":\"loanflow-sandbox-merchant\",\"requestId\":\"" + requestId
                + "\",\"amount\":\"" + amount + "\",\"currency\":\"CNY\",\"cardNumber\":\"" + card
                + "\",\"notifyUrl\":\"http://localhost:" + port + "/api/v1/payment-callbacks/sandbox\","
                + "\"timestamp\":\"" + java.time.Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/channel/v1/" + kind))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Signature", Pem.sign(merchantKey, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls (bounded) until the condition holds; the wait is not the assertion, the state checked after it is. */
    public static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    /**
     * Pays the application out: the payout is requested, the channel's signed SUCCEEDED callback delivered, and the
     * loan the process activates returned.
     */
    public String paidOut(Disbursements disbursements, HttpClient http, int port) throws Exception {
        var order = disbursements.request(applicationId);
        HttpResponse<String> callback = deliver(http, port, callback(order.requestId(), "SUCCEEDED", null));
        if (callback.statusCode() != 200) {
            throw new AssertionError("payout callback answered " + callback.statusCode() + ": " + callback.body());
        }
        return awaitLoanId();
    }

    public String applicationStatus() {
        return jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class, applicationId);
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
