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

        Map<String, Object> flagged = decision(offByOne);
        assertThat((String) flagged.get("REASON_CODES")).contains("F_ID_CARD_UNCONFIRMED");
        assertThat(flagged.get("OUTCOME")).as("reviewed, or rejected for another reason, never approved unseen")
                .isNotEqualTo("APPROVE");
        if (!((String) flagged.get("REASON_CODES")).contains("R_")) {
            assertThat(flagged.get("OUTCOME")).isEqualTo("REVIEW");
            DisbursingApplication.await("the application in review", () -> "IN_REVIEW".equals(jdbc.queryForObject(
                    "SELECT status FROM loan_application WHERE id = ?", String.class, offByOne)));
        }
        assertThat((String) decision(exact).get("REASON_CODES")).doesNotContain("F_ID_CARD_UNCONFIRMED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_application WHERE id = ? AND reason_codes LIKE"
                + " '%R_IDENTITY%'", Integer.class, offByOne)).as("not rejected for identity").isZero();
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
