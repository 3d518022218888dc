package com.loanflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.borrower.TestImages;
import com.loanflow.shared.ChineseIdNumber;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input on every borrower endpoint: a 4xx with the error shape and a field-level message, and no write. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String phone;
    String token;

    @BeforeAll
    void borrowerWithIdentity() {
        api = new Api(port);
        phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        assertThat(api.post("/api/v1/borrowers", null, registration(phone, LoanFlowEndToEndTest.consents())).status())
                .isEqualTo(201);
        token = api.post("/api/v1/sessions", null, Map.of("phone", phone, "password", "Passw0rd!x")).text("token");
        String idNumber = randomIdNumber();
        assertThat(api.put("/api/v1/borrowers/me/identity", token, identity("测试", idNumber)).status()).isEqualTo(202);
    }

    @Test
    void registrationWithMalformedPhoneIsRejectedAndNothingIsStored() {
        int before = count("borrower");
        Api.Response response = api.post("/api/v1/borrowers", null, registration("2380000000", LoanFlowEndToEndTest.consents()));
        assertFieldError(response, 400, "phone");
        assertThat(count("borrower")).isEqualTo(before);
    }

    @Test
    void registrationWithoutEveryConsentIsRejectedAndNothingIsStored() {
        int before = count("borrower");
        int consents = count("consent");
        Api.Response response = api.post("/api/v1/borrowers", null, registration("13712345678",
                List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"))));
        assertFieldError(response, 400, "consents");
        assertThat(response.text("code")).isEqualTo("CONSENT_REQUIRED");
        assertThat(count("borrower")).isEqualTo(before);
        assertThat(count("consent")).isEqualTo(consents);
    }

    @Test
    void identityWithBadCheckDigitIsRejectedAndTheProfileIsUnchanged() {
        String before = jdbc.queryForObject("SELECT id_number_idx FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                String.class, phone.substring(0, 3) + "****" + phone.substring(7));
        Api.Response response = api.put("/api/v1/borrowers/me/identity", token, identity("张三", "110101199003070012"));
        assertFieldError(response, 400, "idNumber");
        assertThat(jdbc.queryForObject("SELECT id_number_idx FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                String.class, phone.substring(0, 3) + "****" + phone.substring(7))).isEqualTo(before);
    }

    @Test
    void aNameTheContractCannotPrintIsRefusedWhenGivenNotWhenTheContractIsDrawnUp() {
        String before = jdbc.queryForObject("SELECT id_number_idx FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                String.class, phone.substring(0, 3) + "****" + phone.substring(7));
        Api.Response response = api.put("/api/v1/borrowers/me/identity", token, identity("𠮷野", randomIdNumber()));
        assertFieldError(response, 400, "name");
        assertThat(response.json().path("fieldErrors").get(0).path("message").asText()).contains("U+20BB7")
                .doesNotContain("𠮷");
        assertThat(jdbc.queryForObject("SELECT id_number_idx FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                String.class, phone.substring(0, 3) + "****" + phone.substring(7))).isEqualTo(before);
    }

    @Test
    void implausibleNamesAndBirthDatesAreRefusedWhenGiven() {
        String before = jdbc.queryForObject("SELECT id_number_idx FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                String.class, phone.substring(0, 3) + "****" + phone.substring(7));
        for (String name : new String[] {"··", "·测试", "测试·", "测··试", "测"}) {
            assertFieldError(api.put("/api/v1/borrowers/me/identity", token, identity(name, randomIdNumber())), 400, "name");
        }
        String future = "11010520991231123";
        String longAgo = "11010518000101123";
        for (String first17 : new String[] {future, longAgo}) {
            assertFieldError(api.put("/api/v1/borrowers/me/identity", token, identity("测试",
                    first17 + ChineseIdNumber.checkCharacter(first17))), 400, "idNumber");
        }
        assertThat(jdbc.queryForObject("SELECT id_number_idx FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                String.class, phone.substring(0, 3) + "****" + phone.substring(7))).isEqualTo(before);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAFieldErrorNotA500() {
        int before = count("borrower");
        // 26 characters (within 64) but 74 bytes in UTF-8: BCrypt refuses more than 72
        String password = "密码".repeat(12) + "a1";
        Map<String, Object> body = new HashMap<>(registration("137" + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000)), LoanFlowEndToEndTest.consents()));
        body.put("password", password);
        assertFieldError(api.post("/api/v1/borrowers", null, body), 400, "password");
        assertThat(count("borrower")).isEqualTo(before);
        assertFieldError(api.post("/api/v1/sessions", null, Map.of("phone", phone, "password", password)), 400,
                "password");
    }

    @Test
    void unreadableBodiesNameTheFieldOrSayWhatIsWrong() {
        int before = count("borrower");
        var listItem = api.post("/api/v1/borrowers", null, "{\"phone\":\"13712345678\",\"password\":\"Passw0rd!x\","
                + "\"consents\":[\"x\"]}");
        assertFieldError(listItem, 400, "consents[0]");
        var overflow = api.post("/api/v1/applications", token, "{\"amount\":\"1000.00\",\"termMonths\":99999999999,"
                + "\"bankCardNumber\":\"6222020000000007\",\"purpose\":\"CONSUMPTION\"}",
                Map.of("Idempotency-Key", "overflow-" + UUID.randomUUID()));
        assertFieldError(overflow, 400, "termMonths");
        assertThat(overflow.json().path("fieldErrors").get(0).path("message").asText()).isEqualTo("is out of range");
        var array = api.post("/api/v1/borrowers", null, "[]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.text("code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(array.text("message")).contains("JSON object");
        var empty = api.post("/api/v1/borrowers", null, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("message")).isEqualTo("Request body is required");
        assertThat(count("borrower")).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAsAnyOtherAndNothingIsStored() throws Exception {
        int before = count("borrower");
        StringBuilder consents = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            consents.append(i == 0 ? "" : ",").append("{\"type\":\"PRIVACY_POLICY\",\"version\":\"1.0\"}");
        }
        byte[] body = ("{\"phone\":\"13712345679\",\"password\":\"Passw0rd!x\",\"consents\":[" + consents + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(64 * 1024);
        // no Content-Length: the client streams it with Transfer-Encoding: chunked
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/borrowers"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
        assertThat(count("borrower")).isEqualTo(before);

        // within the size limit, a list longer than any real request is a field error
        var many = new java.util.ArrayList<Map<String, String>>();
        for (int i = 0; i < 21; i++) {
            many.add(Map.of("type", "PRIVACY_POLICY", "version", "1.0"));
        }
        assertFieldError(api.post("/api/v1/borrowers", null, registration("13712345679", many)), 400, "consents");
    }

    @Test
    void aMultipartBodyIsRefusedAs415WithoutLoginAndNothingIsStored() throws Exception {
        int before = count("borrower");
        var client = java.net.http.HttpClient.newHttpClient();
        for (String contentType : new String[] {"multipart/form-data; boundary=x", "multipart/form-data"}) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/v1/borrowers"))
                    .header("Content-Type", contentType)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            // the dispatcher parses multipart before choosing a handler: this was a 500 with a logged stack trace
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(response.body()).contains("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(count("borrower")).isEqualTo(before);
    }

    @Test
    void unknownPathsAndWrongMethodsGetTheSameErrorBody() {
        var unknown = api.get("/api/v1/no-such-thing", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("NOT_FOUND");
        var wrongMethod = api.post("/api/v1/loan-product", null, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("code")).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void identityImageThatIsNotAnImageIsRejected() {
        Map<String, Object> body = new HashMap<>(identity("测试", randomIdNumber()));
        body.put("selfieImage", Base64.getEncoder().encodeToString("not an image".getBytes()));
        assertFieldError(api.put("/api/v1/borrowers/me/identity", token, body), 400, "selfieImage");

        // a "decompression bomb": a few dozen bytes declaring a 50,000 x 50,000 image (10 GB decoded)
        body.put("selfieImage", Base64.getEncoder().encodeToString(TestImages.pngHeader(50_000, 50_000)));
        Api.Response bomb = api.put("/api/v1/borrowers/me/identity", token, body);
        assertFieldError(bomb, 400, "selfieImage");
        assertThat(bomb.json().path("fieldErrors").get(0).path("message").asText()).contains("pixels");

        // a plausible header with no image data behind it: refused on the field, not left for OCR to fail on
        body.put("selfieImage", Base64.getEncoder().encodeToString(TestImages.pngHeader(800, 600)));
        Api.Response empty = api.put("/api/v1/borrowers/me/identity", token, body);
        assertFieldError(empty, 400, "selfieImage");
        assertThat(empty.json().path("fieldErrors").get(0).path("message").asText()).contains("pixel data");
    }


    @Test
    void applicationWithCardFailingLuhnIsRejectedAndNothingIsStored() {
        assertApplicationRejected(application("1000.00", 6, "6222020000000008"), "bankCardNumber");
    }

    @Test
    void applicationAmountOutOfRangeIsRejected() {
        assertApplicationRejected(application("2500.00", 6, "6222020000000007"), "amount");
        assertApplicationRejected(application("499.99", 6, "6222020000000007"), "amount");
        assertApplicationRejected(application("1000.001", 6, "6222020000000007"), "amount");
    }

    @Test
    void applicationTermOutOfRangeIsRejected() {
        assertApplicationRejected(application("1000.00", 0, "6222020000000007"), "termMonths");
        assertApplicationRejected(application("1000.00", 13, "6222020000000007"), "termMonths");
        assertApplicationRejected(Map.of("amount", "1000.00", "termMonths", 6.9, "bankCardNumber", "6222020000000007",
                "purpose", "CONSUMPTION"), "termMonths"); // not truncated to 6
    }

    @Test
    void applicationWithoutIdempotencyKeyIsRejected() {
        int before = count("loan_application");
        Api.Response response = api.post("/api/v1/applications", token, application("1000.00", 6, "6222020000000007"));
        assertFieldError(response, 400, "Idempotency-Key");
        assertThat(count("loan_application")).isEqualTo(before);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        Api.Response response = api.get("/api/v1/borrowers/me", "not-a-real-token-1234567890");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/v1/applications/" + UUID.randomUUID(), null).status()).isEqualTo(401);
    }

    @Test
    void engineRestRequiresAuthentication() {
        Api.Response anonymous = api.get("/engine-rest/process-definition", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/process-definition", token).status()).as("a borrower token is no engine login")
                .isEqualTo(401);
    }

    @Test
    void forgedPaymentCallbackIsRefusedAndChangesNothing() {
        int before = count("payment_callback");
        Api.Response response = api.post("/api/v1/payment-callbacks/sandbox", null,
                Map.of("requestId", "PO123", "status", "SUCCEEDED"), Map.of("X-Signature", "Zm9yZ2Vk"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("INVALID_SIGNATURE");
        assertThat(count("payment_callback")).isEqualTo(before);
    }

    @Test
    void aSignedButMalformedCallbackIsA400NotA500() throws Exception {
        int before = count("payment_callback");
        var http = java.net.http.HttpClient.newHttpClient();
        for (String body : new String[] {"null", "[]",
                "{\"requestId\":\"PO" + "1".repeat(40) + "\",\"status\":\"SUCCEEDED\"}",
                "{\"requestId\":\"PO123\",\"status\":\"SUCCEEDED\",\"channelTransactionId\":\"" + "9".repeat(65) + "\"}"}) {
            var response = com.loanflow.payment.DisbursingApplication.deliver(http, port,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        // an overlong failure code is not refused but kept as OTHER (PaymentCallbacks.failureCode): here the request
        // is unknown, so 404, and nothing is recorded either
        var overlongCode = com.loanflow.payment.DisbursingApplication.deliver(http, port,
                ("{\"requestId\":\"PO123\",\"status\":\"FAILED\",\"failureCode\":\"" + "X".repeat(41) + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(overlongCode.statusCode()).isEqualTo(404);
        assertThat(count("payment_callback")).isEqualTo(before);
    }

    @Test
    void internalApiRequiresTheWorkerToken() {
        assertThat(api.get("/internal/v1/applications/x/applicant", null).status()).isEqualTo(401);
        assertThat(api.get("/internal/v1/applications/x/applicant", token).status()).isEqualTo(401);
    }

    private void assertApplicationRejected(Map<String, Object> body, String field) {
        int before = count("loan_application");
        Api.Response response = api.post("/api/v1/applications", token, body,
                Map.of("Idempotency-Key", "bad-" + UUID.randomUUID()));
        assertFieldError(response, 400, field);
        assertThat(count("loan_application")).isEqualTo(before);
    }

    private static void assertFieldError(Api.Response response, int status, String field) {
        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(status);
        assertThat(response.text("code")).isNotBlank();
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.json().path("fieldErrors").findValuesAsText("field")).contains(field);
    }

    @Test
    void opsQueryParametersOfTheWrongTypeOrMissingAreNamed() {
        assertFieldError(api.basic("GET", "/ops/v1/blacklist?limit=abc", "ops1", null), 400, "limit");
        Api.Response badType = api.basic("GET", "/ops/v1/blacklist?type=FOO", "ops1", null);
        assertFieldError(badType, 400, "type");
        assertThat(badType.json().path("fieldErrors").get(0).path("message").asText())
                .isEqualTo("must be one of ID_NUMBER, PHONE, BANK_CARD, DEVICE");
        int entries = count("blacklist_entry");
        assertFieldError(api.basic("DELETE", "/ops/v1/blacklist/" + UUID.randomUUID(), "ops1", null), 400, "reason");
        assertThat(count("blacklist_entry")).isEqualTo(entries);
    }

    @Test
    void consentRecordsTheBorrowersAddressBehindTheTrustedProxyNotTheProxys() {
        String newPhone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Api.Response registered = api.post("/api/v1/borrowers", null, registration(newPhone,
                LoanFlowEndToEndTest.consents()), Map.of("X-Forwarded-For", "61.135.169.121"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT DISTINCT c.client_ip FROM consent c JOIN borrower b ON b.id = c.borrower_id"
                + " WHERE b.phone_masked = ?", String.class, newPhone.substring(0, 3) + "****" + newPhone.substring(7)))
                .as("the suite's platform trusts 127.0.0.1 as its proxy").containsExactly("61.135.169.121");
    }

    @Test
    void anApplicationWithoutConsentToTheCurrentCreditAuthorizationIsRefusedUntilTheBorrowerConsents() {
        String newPhone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        assertThat(api.post("/api/v1/borrowers", null, registration(newPhone, LoanFlowEndToEndTest.consents())).status())
                .isEqualTo(201);
        String newToken = api.post("/api/v1/sessions", null, Map.of("phone", newPhone, "password", "Passw0rd!x"))
                .text("token");
        assertThat(api.put("/api/v1/borrowers/me/identity", newToken, identity("测试", randomIdNumber())).status())
                .isEqualTo(202);
        String borrowerId = api.get("/api/v1/borrowers/me", newToken).text("borrowerId");
        // as if the borrower had accepted an earlier authorization and 1.0 was published since
        jdbc.update("UPDATE consent SET agreement_version = '0.9' WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION'", borrowerId);
        int applications = count("loan_application");

        Api.Response refused = api.post("/api/v1/applications", newToken, application("1000.00", 6, "6222020000000007"),
                Map.of("Idempotency-Key", "consent-" + UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("CONSENT_REQUIRED");
        assertThat(refused.json().path("fieldErrors").findValuesAsText("message"))
                .containsExactly("consent to CREDIT_AUTHORIZATION version 1.0 is required");
        assertThat(count("loan_application")).isEqualTo(applications);
        assertThat(api.get("/api/v1/borrowers/me/consents", newToken).json().findValues("consented").stream()
                .map(com.fasterxml.jackson.databind.JsonNode::asBoolean).toList()).containsOnlyOnce(false);

        assertFieldError(api.post("/api/v1/borrowers/me/consents", newToken, Map.of("consents",
                List.of(Map.of("type", "CREDIT_AUTHORIZATION", "version", "0.9")))), 400, "consents");
        Api.Response consented = api.post("/api/v1/borrowers/me/consents", newToken, Map.of("consents",
                List.of(Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"))),
                Map.of("X-Forwarded-For", "202.96.134.133"));
        assertThat(consented.status()).isEqualTo(201);
        assertThat(consented.json().findValues("consented").stream()
                .map(com.fasterxml.jackson.databind.JsonNode::asBoolean).toList()).containsOnly(true);
        assertThat(jdbc.queryForMap("SELECT client_ip, document_sha256 FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION' AND agreement_version = '1.0'", borrowerId))
                .containsEntry("client_ip", "202.96.134.133").extractingByKey("document_sha256").asString()
                .hasSize(64);

        Api.Response accepted = api.post("/api/v1/applications", newToken, application("1000.00", 6, "6222020000000007"),
                Map.of("Idempotency-Key", "consent-" + UUID.randomUUID()));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isIn(201, 202);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static Map<String, Object> registration(String phone, Object consents) {
        return Map.of("phone", phone, "password", "Passw0rd!x", "consents", consents);
    }

    private static Map<String, Object> application(String amount, int term, String card) {
        return Map.of("amount", amount, "termMonths", term, "bankCardNumber", card, "purpose", "CONSUMPTION");
    }

    private static Map<String, Object> identity(String name, String idNumber) {
        return Map.of("name", name, "idNumber", idNumber,
                "idCardFrontImage", Base64.getEncoder().encodeToString(SandboxIdCard.renderFront(name, idNumber, "上海市")),
                "selfieImage", Base64.getEncoder().encodeToString(SandboxIdCard.renderSelfie(7)));
    }

    /** A valid identity number (region 110105, born 1985-1999) with a correct check digit. */
    static String randomIdNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format("110105%04d%02d%02d%03d", 1985 + r.nextInt(15), 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(990)); // sequence numbers 990-999 trigger sandbox outages
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
