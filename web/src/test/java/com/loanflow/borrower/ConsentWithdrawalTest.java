package com.loanflow.borrower;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Withdrawing a consent (PIPL art. 15) over HTTP: recorded beside the consent with time, IP and user agent; the
 * agreement then counts as not consented and applying asks again; refused while work in progress relies on it; a race
 * between a withdrawal and an application is settled on the borrower's row.
 */
class ConsentWithdrawalTest extends RunningPlatform {

    static final String APPLICATION = "{\"amount\":\"800.00\",\"termMonths\":3,\"bankCardNumber\":\"6222020000000056\","
            + "\"purpose\":\"CONSUMPTION\"}";

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @Autowired
    Borrowers borrowers;

    @Autowired
    com.loanflow.contract.Contracts contracts;

    PlatformHttp http;
    String token;
    String borrowerId;
    String idNumber;

    @BeforeEach
    void borrower() {
        http = new PlatformHttp(port);
        idNumber = readableIdNumber();
        token = http.onboard(PlatformHttp.beijingPhone(), idNumber);
        borrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json().path("borrowerId").asText();
    }

    @Test
    void aWithdrawnCreditAuthorizationIsAskedForAgainBeforeTheNextApplication() {
        PlatformHttp.Response withdrawn = withdraw("CREDIT_AUTHORIZATION");
        assertThat(withdrawn.status()).isEqualTo(200);
        JsonNode authorization = find(withdrawn.json(), "CREDIT_AUTHORIZATION");
        assertThat(authorization.path("consented").asBoolean()).isFalse();
        assertThat(authorization.path("withdrawnAt").asText()).isNotBlank();
        assertThat(find(withdrawn.json(), "PRIVACY_POLICY").path("consented").asBoolean()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("SELECT consented_at, withdrawn_at, withdrawal_ip, withdrawal_user_agent"
                + " FROM consent WHERE borrower_id = ? AND consent_type = 'CREDIT_AUTHORIZATION'", borrowerId);
        assertThat(row.get("consented_at")).as("the consent itself stays as evidence").isNotNull();
        assertThat(row.get("withdrawn_at")).isNotNull();
        assertThat((String) row.get("withdrawal_ip")).isNotBlank();
        assertThat((String) row.get("withdrawal_user_agent")).isNotBlank();

        // again, from another browser: nothing changes, the first withdrawal's evidence stays
        var otherAgent = new java.util.HashMap<>(bearer(token));
        otherAgent.put("User-Agent", "another-agent/1.0");
        assertThat(http.send("POST", "/api/v1/borrowers/me/consents/CREDIT_AUTHORIZATION/withdrawal", otherAgent, null)
                .status()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT withdrawn_at, withdrawal_user_agent FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION'", borrowerId))
                .containsEntry("withdrawn_at", row.get("withdrawn_at"))
                .containsEntry("withdrawal_user_agent", row.get("withdrawal_user_agent"));

        // applying now is refused before anything is created; the internal authorization lookup finds none either
        PlatformHttp.Response refused = apply();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("CONSENT_REQUIRED");
        assertThat(applications()).isZero();

        // consenting again is a new row; the application goes through
        PlatformHttp.Response consented = http.send("POST", "/api/v1/borrowers/me/consents", bearer(token), Map.of(
                "consents", List.of(Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"))));
        assertThat(consented.status()).isEqualTo(201);
        assertThat(find(consented.json(), "CREDIT_AUTHORIZATION").path("consented").asBoolean()).isTrue();
        assertThat(find(consented.json(), "CREDIT_AUTHORIZATION").path("withdrawnAt").isMissingNode()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION'", Integer.class, borrowerId)).isEqualTo(2);
        assertThat(apply().status()).isEqualTo(202);
    }

    @Test
    void noIdentityDataIsTakenOnceThePrivacyPolicyIsWithdrawn() {
        String phone = PlatformHttp.beijingPhone();
        var consents = List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                Map.of("type", "FACE_RECOGNITION", "version", "1.0"));
        assertThat(http.send("POST", "/api/v1/borrowers", Map.of(), Map.of("phone", phone, "password", "Passw0rd!x",
                "consents", consents)).status()).isEqualTo(201);
        String newToken = http.send("POST", "/api/v1/sessions", Map.of(), Map.of("phone", phone, "password",
                "Passw0rd!x")).json().path("token").asText();
        assertThat(http.send("POST", "/api/v1/borrowers/me/consents/PRIVACY_POLICY/withdrawal", bearer(newToken), null)
                .status()).isEqualTo(200);
        String idNumber = PlatformHttp.beijingIdNumber();

        PlatformHttp.Response identity = http.send("PUT", "/api/v1/borrowers/me/identity", bearer(newToken), Map.of(
                "name", "测试", "idNumber", idNumber,
                "idCardFrontImage", java.util.Base64.getEncoder().encodeToString(
                        com.loanflow.workers.identity.sandbox.SandboxIdCard.renderFront("测试", idNumber, "北京市")),
                "selfieImage", java.util.Base64.getEncoder().encodeToString(
                        com.loanflow.workers.identity.sandbox.SandboxIdCard.renderSelfie(11))));

        assertThat(identity.status()).isEqualTo(409);
        assertThat(identity.json().path("code").asText()).isEqualTo("CONSENT_REQUIRED");
        String newBorrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(newToken), null).json()
                .path("borrowerId").asText();
        assertThat(jdbc.queryForMap("SELECT id_number_enc, name_enc FROM borrower WHERE id = ?", newBorrowerId))
                .as("nothing stored").containsEntry("id_number_enc", null).containsEntry("name_enc", null);
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", newBorrowerId)).isZero();
    }

    /**
     * Face data is sensitive personal information (PIPL art. 29): its own consent, without which no face photo is
     * taken; withdrawn, the photo is deleted (art. 47) and the identity is verified again before the next application.
     * Not while an application's checks or its reviewer may use the photos; a loan being repaid does not need them.
     */
    @Test
    void withdrawingTheFaceAuthorizationDeletesTheFacePhotoAndTheIdentityIsVerifiedAgain() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId)).isOne();
        String applicationId = openApplication("VERIFYING");
        for (String inUse : new String[] {"VERIFYING", "ASSESSING", "IN_REVIEW"}) {
            jdbc.update("UPDATE loan_application SET status = ? WHERE id = ?", inUse, applicationId);
            PlatformHttp.Response refused = withdraw("FACE_RECOGNITION");
            assertThat(refused.status()).as(inUse).isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isEqualTo("APPLICATION_BEING_ASSESSED");
        }
        assertThat(withdrawnConsents()).isZero();
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId)).isOne();

        // approved: the checks are done, the photos are not needed for the loan
        jdbc.update("UPDATE loan_application SET status = 'APPROVED' WHERE id = ?", applicationId);
        PlatformHttp.Response withdrawn = withdraw("FACE_RECOGNITION");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(find(withdrawn.json(), "FACE_RECOGNITION").path("consented").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId))
                .as("the face photo is deleted with the consent").isZero();
        Map<String, Object> identityOnFile = jdbc.queryForMap("SELECT name_enc, id_number_idx, id_number_masked"
                + " FROM borrower WHERE id = ?", borrowerId);
        assertThat(identityOnFile.get("id_number_idx"))
                .as("name and ID number stay: the parties of the open application and the records").isNotNull();
        // a contract drawn up now cites the agreements in force, in the versions consented to: not the withdrawn one
        assertThat(borrowers.consentsInForce(borrowerId)).extracting(Consent::consentType, Consent::agreementVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PRIVACY_POLICY", "1.0"),
                        org.assertj.core.groups.Tuple.tuple("CREDIT_AUTHORIZATION", "1.0"),
                        org.assertj.core.groups.Tuple.tuple("SERVICE_AGREEMENT", "1.0"));
        jdbc.update("UPDATE loan_application SET credit_limit = 1000.00, apr_percent = 22.00, approved_amount = 800.00"
                + " WHERE id = ?", applicationId);
        contracts.prepare(applicationId);
        String contractText = pdfText(contracts.pdf(borrowerId, applicationId));
        assertThat(contractText).contains("Privacy Policy").contains("Credit Report Authorization")
                .doesNotContain("Face Recognition");
        jdbc.update("UPDATE loan_application SET status = 'CANCELLED', open_slot = NULL WHERE id = ?", applicationId);
        // as after an application's checks passed
        jdbc.update("UPDATE borrower SET verification_status = 'VERIFIED', identity_verified_at = ? WHERE id = ?",
                LocalDateTime.now(), borrowerId);

        // no application without the photos, which are not taken again without the consent
        PlatformHttp.Response application = apply();
        assertThat(application.status()).isEqualTo(409);
        assertThat(application.json().path("code").asText()).isEqualTo("IDENTITY_REQUIRED");
        PlatformHttp.Response identity = submitIdentity(token, idNumber);
        assertThat(identity.status()).isEqualTo(409);
        assertThat(identity.json().path("code").asText()).isEqualTo("CONSENT_REQUIRED");
        assertThat(identity.json().path("message").asText()).contains("face recognition");
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId)).isZero();

        // consenting again: the photos again, for the verified identity only; another person's is refused
        assertThat(http.send("POST", "/api/v1/borrowers/me/consents", bearer(token), Map.of("consents",
                List.of(Map.of("type", "FACE_RECOGNITION", "version", "1.0")))).status()).isEqualTo(201);
        PlatformHttp.Response someoneElse = submitIdentity(token, PlatformHttp.beijingIdNumber());
        assertThat(someoneElse.status()).isEqualTo(409);
        assertThat(someoneElse.json().path("code").asText()).isEqualTo("IDENTITY_ALREADY_VERIFIED");
        assertThat(jdbc.queryForMap("SELECT name_enc, id_number_idx, id_number_masked FROM borrower WHERE id = ?",
                borrowerId)).as("nothing changed").isEqualTo(identityOnFile);
        assertThat(submitIdentity(token, idNumber).status()).isEqualTo(202);
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId)).isOne();
        assertThat(jdbc.queryForMap("SELECT id_number_idx, id_number_masked FROM borrower WHERE id = ?", borrowerId))
                .containsEntry("id_number_idx", identityOnFile.get("id_number_idx"));
        // had the new photos failed the next application's checks, the identity would still be this person's
        jdbc.update("UPDATE borrower SET verification_status = 'FAILED' WHERE id = ?", borrowerId);
        assertThat(submitIdentity(token, PlatformHttp.beijingIdNumber()).json().path("code").asText())
                .isEqualTo("IDENTITY_ALREADY_VERIFIED");
        assertThat(submitIdentity(token, idNumber).status()).isEqualTo(202);
        assertThat(apply().status()).as("verified again by this application's checks").isEqualTo(202);
    }

    private PlatformHttp.Response submitIdentity(String bearerToken, String idNumber) {
        return http.send("PUT", "/api/v1/borrowers/me/identity", bearer(bearerToken), Map.of(
                "name", "测试", "idNumber", idNumber,
                "idCardFrontImage", java.util.Base64.getEncoder().encodeToString(
                        com.loanflow.workers.identity.sandbox.SandboxIdCard.renderFront("测试", idNumber, "北京市")),
                "selfieImage", java.util.Base64.getEncoder().encodeToString(
                        com.loanflow.workers.identity.sandbox.SandboxIdCard.renderSelfie(11))));
    }

    @Test
    void consentsThatWorkInProgressReliesOnCannotBeWithdrawnUntilItIsDone() {
        String applicationId = openApplication("ASSESSING");

        PlatformHttp.Response assessing = withdraw("CREDIT_AUTHORIZATION");
        assertThat(assessing.status()).isEqualTo(409);
        assertThat(assessing.json().path("code").asText()).isEqualTo("APPLICATION_BEING_ASSESSED");
        PlatformHttp.Response servicing = withdraw("PRIVACY_POLICY");
        assertThat(servicing.status()).isEqualTo(409);
        assertThat(servicing.json().path("code").asText()).isEqualTo("CONSENT_NEEDED_FOR_OPEN_LOAN");
        assertThat(withdrawnConsents()).isZero();

        // in review the bureau has been asked: the authorization may go (for the future), the policy still may not
        jdbc.update("UPDATE loan_application SET status = 'IN_REVIEW' WHERE id = ?", applicationId);
        assertThat(withdraw("CREDIT_AUTHORIZATION").status()).isEqualTo(200);
        assertThat(withdraw("SERVICE_AGREEMENT").status()).isEqualTo(409);

        jdbc.update("UPDATE loan_application SET status = 'SETTLED', open_slot = NULL WHERE id = ?", applicationId);
        assertThat(withdraw("SERVICE_AGREEMENT").status()).isEqualTo(200);
        assertThat(withdrawnConsents()).isEqualTo(2);

        PlatformHttp.Response unknown = withdraw("LOAN_CONTRACT");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("type");
        assertThat(http.send("POST", "/api/v1/borrowers/me/consents/PRIVACY_POLICY/withdrawal", Map.of(), null).status())
                .isEqualTo(401);
    }

    /**
     * The bureau report the workers cached (Redis, 30 days) under a withdrawn credit authorization is deleted with the
     * withdrawal, not kept until it expires; when the cache cannot do it, the withdrawal is refused and nothing changes.
     */
    @Test
    void withdrawingTheCreditAuthorizationDeletesTheCachedBureauReport() throws InterruptedException {
        assertThat(apply().status()).isEqualTo(202);
        awaitDecision();
        String consentId = jdbc.queryForObject("SELECT id FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION' AND withdrawn_at IS NULL", String.class, borrowerId);
        String pointer = "loanflow:bureau-report-consent:" + consentId;
        String entry = redis.opsForValue().get(pointer);
        assertThat(entry).as("the bureau query cached its report under this consent").startsWith("loanflow:bureau-report:");
        assertThat(redis.opsForValue().get(entry)).startsWith(consentId + "|");

        // the cache fails (a key of the wrong type makes the eviction script fail): 503, the consent stays in force
        redis.delete(pointer);
        redis.opsForHash().put(pointer, "broken", "1");
        PlatformHttp.Response unavailable = withdraw("CREDIT_AUTHORIZATION");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().path("code").asText()).isEqualTo("TRY_AGAIN_LATER");
        assertThat(withdrawnConsents()).isZero();
        redis.delete(pointer);
        redis.opsForValue().set(pointer, entry);

        assertThat(withdraw("CREDIT_AUTHORIZATION").status()).isEqualTo(200);
        assertThat(withdrawnConsents()).isEqualTo(1);
        assertThat(redis.hasKey(entry)).as("the cached report").isFalse();
        assertThat(redis.hasKey(pointer)).isFalse();
        // the report stored with the decision stays as its evidence
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_report r JOIN loan_application a"
                + " ON a.id = r.application_id WHERE a.borrower_id = ?", Integer.class, borrowerId)).isEqualTo(1);
    }

    /** Waits until the newest application has its automatic decision. */
    private void awaitDecision() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String status = http.send("GET", "/api/v1/applications", bearer(token), null).json().get(0)
                    .path("status").asText();
            if (List.of("IN_REVIEW", "APPROVED", "REJECTED").contains(status)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the application did not reach a decision");
    }

    /**
     * An application and a withdrawal of the credit authorization, sent together many times: whichever the borrower's
     * row lets in first decides, and never both (an application whose authorization was withdrawn before its bureau
     * query could start would stall without a legal basis for the query).
     */
    @Test
    void anApplicationAndAWithdrawalAtTheSameTimeNeverBothSucceed() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                Future<PlatformHttp.Response> application = pool.submit((Callable<PlatformHttp.Response>) this::apply);
                Future<PlatformHttp.Response> withdrawal = pool.submit(() -> withdraw("CREDIT_AUTHORIZATION"));
                int applied = application.get().status();
                int withdrew = withdrawal.get().status();
                assertThat(applied == 202 && withdrew == 200).as("round %d: both succeeded", round).isFalse();
                assertThat(List.of(applied, withdrew)).as("round %d", round).containsAnyOf(202, 200);
                // back to the start: no open application, the authorization in force
                if (applied == 202) {
                    closeTheOpenApplication();
                }
                http.send("POST", "/api/v1/borrowers/me/consents", bearer(token), Map.of(
                        "consents", List.of(Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"))));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lets the application reach its decision, then withdraws it if it waits for a reviewer or a signature. */
    private void closeTheOpenApplication() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode newest = http.send("GET", "/api/v1/applications", bearer(token), null).json().get(0);
            String status = newest.path("status").asText();
            if (List.of("REJECTED", "CANCELLED", "SETTLED", "DISBURSEMENT_FAILED").contains(status)) {
                // declined (by the platform-velocity rule, say): as if the 30-day wait were over, so the next
                // round races an application again instead of meeting REAPPLY_TOO_SOON
                jdbc.update("UPDATE loan_application SET updated_at = ? WHERE id = ? AND status = 'REJECTED'",
                        java.time.LocalDateTime.now().minusDays(40), newest.path("applicationId").asText());
                return;
            }
            if (List.of("IN_REVIEW", "APPROVED").contains(status) && http.send("POST", "/api/v1/applications/"
                    + newest.path("applicationId").asText() + "/withdrawal", bearer(token), null).status() == 200) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the application did not reach a decision");
    }

    private PlatformHttp.Response withdraw(String type) {
        return http.send("POST", "/api/v1/borrowers/me/consents/" + type + "/withdrawal", bearer(token), null);
    }

    private PlatformHttp.Response apply() {
        var headers = new java.util.HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "consent-" + UUID.randomUUID());
        try {
            return http.send("POST", "/api/v1/applications", headers,
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(APPLICATION));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int applications() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM loan_application WHERE borrower_id = ?", Integer.class,
                borrowerId);
    }

    private int withdrawnConsents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM consent WHERE borrower_id = ? AND withdrawn_at IS NOT NULL",
                Integer.class, borrowerId);
    }

    /** A row-only open application in the given state (no process: the refusals happen before any engine call). */
    private String openApplication(String status) {
        return openApplicationRow(borrowerId, status);
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(
                new java.io.ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(
                        document.getPage(page))).append('\n');
            }
        }
        return text.toString();
    }

    private static JsonNode find(JsonNode statuses, String type) {
        for (JsonNode status : statuses) {
            if (type.equals(status.path("type").asText())) {
                return status;
            }
        }
        throw new AssertionError("no consent status for " + type + " in " + statuses);
    }
}
