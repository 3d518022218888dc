package com.loanflow.risk;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.payment.DisbursingApplication;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An ID card photo whose name OCR reads one character off the claimed one (with the claimed ID number) is not a
 * reason to turn the borrower away: OCR misreads genuine cards (ADR 0014). The application reaches the risk rules,
 * which send it to a reviewer with F_ID_CARD_UNCONFIRMED; an exactly read card raises no such flag.
 */
class IdCardUnconfirmedReviewTest extends RunningPlatform {

    @Test
    void aNameReadOneCharacterOffGoesToAReviewerWithTheFlagAnExactReadDoesNot() throws Exception {
        PlatformHttp http = new PlatformHttp(port);
        // the borrower says 测试; the card shows 测验, and this platform's OCR reads it so
        String offByOne = apply(http, http.onboard(PlatformHttp.beijingPhone(),
                PlatformHttp.readableBeijingIdNumber(ocr, "测验"), "测验"));
        String exact = apply(http, http.onboard(PlatformHttp.beijingPhone(), readableIdNumber()));
        if (!"REVIEW".equals(decision(exact).get("OUTCOME"))) {
            assertThat(image("/review/v1/applications/" + exact + "/id-card-image", "reviewer1").statusCode())
                    .as("no open review for it").isEqualTo(404);
        }

        Map<String, Object> flagged = decision(offByOne);
        assertThat((String) flagged.get("REASON_CODES")).contains("F_ID_CARD_UNCONFIRMED");
        assertThat(flagged.get("OUTCOME")).as("reviewed, or rejected for another reason, never approved unseen")
                .isNotEqualTo("APPROVE");
        if (!((String) flagged.get("REASON_CODES")).contains("R_")) {
            assertThat(flagged.get("OUTCOME")).isEqualTo("REVIEW");
            DisbursingApplication.await("the application in review", () -> "IN_REVIEW".equals(jdbc.queryForObject(
                    "SELECT status FROM loan_application WHERE id = ?", String.class, offByOne)));
            reviewerSeesThePhoto(offByOne);
        }
        assertThat((String) decision(exact).get("REASON_CODES")).doesNotContain("F_ID_CARD_UNCONFIRMED");
        // the verdicts the risk step read, recorded as the worker completed (not the editable process variable)
        assertThat(jdbc.queryForMap("SELECT confirmed, check_code FROM id_card_check WHERE application_id = ?",
                offByOne)).containsEntry("CHECK_CODE", "OCR_NAME_UNCONFIRMED")
                .hasEntrySatisfying("CONFIRMED", confirmed -> assertThat(Boolean.TRUE.equals(confirmed)
                        || Integer.valueOf(1).equals(confirmed)).isFalse());
        assertThat(jdbc.queryForObject("SELECT check_code FROM id_card_check WHERE application_id = ? AND confirmed",
                String.class, exact)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_application WHERE id = ? AND reason_codes LIKE"
                + " '%R_IDENTITY%'", Integer.class, offByOne)).as("not rejected for identity").isZero();
    }

    /** The reviewer of the open review task sees the card photo, audited; nobody else does. */
    private void reviewerSeesThePhoto(String applicationId) throws Exception {
        String path = "/review/v1/applications/" + applicationId + "/id-card-image";
        String reviewer = "senior-reviewers".equals(jdbc.queryForObject(
                "SELECT review_group FROM risk_decision WHERE application_id = ?", String.class, applicationId))
                ? "senior1" : "reviewer1";
        var shown = image(path, reviewer);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(java.util.Arrays.copyOf(shown.body(), 4)).as("a PNG")
                .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(image(path, null).statusCode()).isEqualTo(401);
        assertThat(image(path, "ops1").statusCode()).as("not a reviewer of this application").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ID_CARD_IMAGE_VIEWED'"
                + " AND subject_id = ? AND actor = ?", Integer.class, applicationId, reviewer)).isEqualTo(1);

        // the same open review without the flag (a review for another reason): the card is not the reviewer's to see
        String codes = jdbc.queryForObject("SELECT reason_codes FROM risk_decision WHERE application_id = ?",
                String.class, applicationId);
        jdbc.update("UPDATE risk_decision SET reason_codes = ? WHERE application_id = ?",
                codes.replace("F_ID_CARD_UNCONFIRMED", "F_SHARED_DEVICE"), applicationId);
        try {
            assertThat(image(path, reviewer).statusCode()).isEqualTo(404);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ID_CARD_IMAGE_VIEWED'"
                    + " AND subject_id = ?", Integer.class, applicationId)).as("nothing seen, nothing recorded").isOne();
        } finally {
            jdbc.update("UPDATE risk_decision SET reason_codes = ? WHERE application_id = ?", codes, applicationId);
        }
    }

    private java.net.http.HttpResponse<byte[]> image(String path, String user) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    private String apply(PlatformHttp http, String token) {
        var headers = new java.util.HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "idcard-" + UUID.randomUUID());
        assertThat(http.send("POST", "/api/v1/applications", headers, Map.of("amount", "800.00", "termMonths", 3,
                "bankCardNumber", "6222020000000056", "purpose", "CONSUMPTION")).status()).isEqualTo(202);
        return http.send("GET", "/api/v1/applications", bearer(token), null).json().get(0).path("applicationId")
                .asText();
    }

    private Map<String, Object> decision(String applicationId) throws Exception {
        DisbursingApplication.await("the automatic decision of " + applicationId, () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk_decision WHERE application_id = ?", Integer.class, applicationId) == 1);
        return jdbc.queryForMap("SELECT outcome, reason_codes FROM risk_decision WHERE application_id = ?",
                applicationId);
    }
}
