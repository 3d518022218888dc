package com.loanflow.borrower;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.payment.PaidOutLoans;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Closing an account over HTTP (ADR 0024): refused while anything is open, then login and sessions end and the phone
 * and ID number are free again; a borrower who never borrowed is erased at once, everywhere (tables, the engine's
 * history, the bureau cache); one who borrowed is kept until the retention period ends and erased by the daily job.
 */
class AccountClosureTest extends RunningPlatform {

    static final String PASSWORD = "Passw0rd!x";

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    HistoryService history;

    @Autowired
    com.loanflow.device.DeviceEventMapper deviceEvents;

    @Autowired
    AccountClosure closures;

    @Autowired
    Borrowers borrowers;

    @Autowired
    SessionTokens sessions;

    @Autowired
    PaidOutLoans paidOutLoans;

    @Autowired
    LedgerInvariants invariants;

    @Test
    void aBorrowerWhoNeverBorrowedIsErasedAtOnceAndCanRegisterAgain() throws Exception {
        PlatformHttp http = new PlatformHttp(port);
        String phone = PlatformHttp.beijingPhone();
        String idNumber = readableIdNumber();
        String token = http.onboard(phone, idNumber);
        String borrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json().path("borrowerId").asText();
        var headers = new HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "closure-" + UUID.randomUUID());
        assertThat(http.send("POST", "/api/v1/applications", headers, Map.of("amount", "800.00", "termMonths", 3,
                "bankCardNumber", "6222020000000056", "purpose", "CONSUMPTION")).status()).isEqualTo(202);
        String applicationId = http.send("GET", "/api/v1/applications", bearer(token), null).json().get(0)
                .path("applicationId").asText();

        // refusals change nothing: a wrong password (field error), an application still open
        PlatformHttp.Response wrongPassword = close(http, token, "not-my-password1");
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("password");
        PlatformHttp.Response open = close(http, token, PASSWORD);
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().path("code").asText()).isEqualTo("ACCOUNT_HAS_OPEN_LOAN");
        assertThat(close(http, token, "").status()).isEqualTo(400);
        assertThat(close(http, null, PASSWORD).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT closed_at FROM borrower WHERE id = ?", java.time.LocalDateTime.class,
                borrowerId)).isNull();

        endTheApplication(http, token, applicationId);
        String consentId = jdbc.queryForObject("SELECT id FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION'", String.class, borrowerId);
        String pointer = "loanflow:bureau-report-consent:" + consentId;
        String cached = redis.opsForValue().get(pointer);
        assertThat(cached).as("the bureau query cached a report").isNotNull();
        String processInstanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .singleResult().getId();
        assertThat(maskedVariables(processInstanceId)).isEqualTo(3);

        // what a reviewer typed about the borrower, as the engine keeps it outside variables: a submitted form field
        // (a FormProperty detail) and a comment (written here as Tasklist would; the instance has ended)
        jdbc.update("INSERT INTO ACT_HI_DETAIL (ID_, TYPE_, TIME_, NAME_, PROC_INST_ID_, TEXT_) VALUES (?, 'FormProperty',"
                + " CURRENT_TIMESTAMP, 'reviewComment', ?, ?)", UUID.randomUUID().toString(), processInstanceId,
                "孙八 confirmed by phone");
        jdbc.update("INSERT INTO ACT_HI_COMMENT (ID_, TYPE_, TIME_, PROC_INST_ID_, ACTION_, MESSAGE_) VALUES (?,"
                + " 'comment', CURRENT_TIMESTAMP, ?, 'AddComment', ?)", UUID.randomUUID().toString(), processInstanceId,
                "孙八 called back");

        // Redis fails during the closure (a key of the wrong type makes the eviction script fail): 503, nothing
        // changed, and the account still logs in (the closed mark set before the failure is taken back)
        redis.delete(pointer);
        redis.opsForHash().put(pointer, "broken", "1");
        PlatformHttp.Response unavailable = close(http, token, PASSWORD);
        assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
        assertThat(unavailable.json().path("code").asText()).isEqualTo("TRY_AGAIN_LATER");
        assertThat(jdbc.queryForObject("SELECT closed_at FROM borrower WHERE id = ?", java.time.LocalDateTime.class,
                borrowerId)).isNull();
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId)).isOne();
        assertThat(maskedVariables(processInstanceId)).isEqualTo(3);
        assertThat(http.send("POST", "/api/v1/sessions", Map.of(), Map.of("phone", phone, "password", PASSWORD))
                .status()).as("still open: logs in").isEqualTo(200);
        redis.delete(pointer);
        redis.opsForValue().set(pointer, cached);

        // the borrower used a device yesterday (still counted for others on it) and 31 days ago (no longer counted)
        String device = UUID.randomUUID().toString().replace("-", "").repeat(2);
        String ip = UUID.randomUUID().toString().replace("-", "").repeat(2);
        java.time.LocalDateTime now = java.time.LocalDateTime.now().withNano(0);
        deviceEvents.insert(new com.loanflow.device.DeviceEvent(UUID.randomUUID().toString(), "LOGIN", borrowerId,
                null, device, ip, "广东省|深圳市", "{\"os\":\"android\"}", now.minusDays(1)));
        deviceEvents.insert(new com.loanflow.device.DeviceEvent(UUID.randomUUID().toString(), "LOGIN", borrowerId,
                null, device, ip, "广东省|深圳市", "{}", now.minusDays(31)));
        // an application from another device ten minutes ago; two rows with no device, from an IP in and out of the hour
        String otherDevice = UUID.randomUUID().toString().replace("-", "").repeat(2);
        String submitted = UUID.randomUUID().toString();
        deviceEvents.insert(new com.loanflow.device.DeviceEvent(UUID.randomUUID().toString(), "APPLICATION_SUBMITTED",
                borrowerId, submitted, otherDevice, ip, null, "{}", now.minusMinutes(10)));
        String recentIp = UUID.randomUUID().toString().replace("-", "").repeat(2);
        deviceEvents.insert(new com.loanflow.device.DeviceEvent(UUID.randomUUID().toString(), "LOGIN", borrowerId,
                null, null, recentIp, null, "{}", now.minusMinutes(20)));
        String oldIp = UUID.randomUUID().toString().replace("-", "").repeat(2);
        deviceEvents.insert(new com.loanflow.device.DeviceEvent(UUID.randomUUID().toString(), "LOGIN", borrowerId,
                null, null, oldIp, null, "{}", now.minusHours(2)));

        PlatformHttp.Response closed = close(http, token, PASSWORD);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("personalDataErased").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM device_event WHERE device_idx = ?", device))
                .as("the row older than the 30-day window is gone").isOne();
        Map<String, Object> kept = jdbc.queryForMap("SELECT * FROM device_event WHERE device_idx = ?", device);
        assertThat(value(kept, "borrower_id")).as("a random stand-in").isNotNull().isNotEqualTo(borrowerId);
        assertThat(value(kept, "application_id")).isNull();
        assertThat(value(kept, "ip_region")).isNull();
        assertThat(value(kept, "ip_idx")).as("the IP counts for an hour only").isNull();
        assertThat(String.valueOf(value(kept, "attributes"))).doesNotContain("android");
        assertThat(deviceEvents.countBorrowersOnDevice(device, now.minusDays(30), now))
                .as("the closed account still counts on its device").isOne();
        assertThat(String.valueOf(value(kept, "borrower_id"))).startsWith(com.loanflow.device.DeviceEvent.UNLINKED_PREFIX);
        assertThat(deviceEvents.findSubmission(submitted)).as("no longer linked to its application").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM device_event WHERE device_idx = ? AND application_id IS NULL"
                + " AND ip_idx IS NOT NULL", otherDevice)).as("inside the hour: the IP still counts").isOne();
        assertThat(count("SELECT COUNT(*) FROM device_event WHERE ip_idx = ?", recentIp)).isOne();
        assertThat(count("SELECT COUNT(*) FROM device_event WHERE ip_idx = ?", oldIp))
                .as("no device, and out of the hour: nothing counts it").isZero();
        assertThat(count("SELECT COUNT(DISTINCT borrower_id) FROM device_event WHERE device_idx IN (?, ?)",
                device, otherDevice)).as("one stand-in per erasure").isOne();
        assertThat(closed.json().path("retainedUntil").asText(null)).as("nothing retained").isNull();

        // login and sessions end
        assertThat(http.send("GET", "/api/v1/borrowers/me", bearer(token), null).status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/v1/sessions", Map.of(), Map.of("phone", phone, "password", PASSWORD))
                .status()).isEqualTo(401);

        // every personal data column of the borrower's rows is empty; what proves the decisions and consents stays
        Map<String, Object> borrower = jdbc.queryForMap("SELECT * FROM borrower WHERE id = ?", borrowerId);
        for (String column : List.of("phone_enc", "phone_idx", "phone_masked", "password_hash", "name_enc",
                "name_masked", "id_number_enc", "id_number_idx", "id_number_masked")) {
            assertThat(value(borrower, column)).as(column).isNull();
        }
        assertThat(value(borrower, "closed_at")).isNotNull();
        assertThat(value(borrower, "erased_at")).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM device_event WHERE borrower_id = ?", borrowerId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM credit_report WHERE application_id = ?", applicationId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE id = ? AND bank_card_enc IS NULL"
                + " AND bank_card_idx IS NULL AND bank_card_masked IS NULL AND client_ip IS NULL", applicationId)).isOne();
        assertThat(count("SELECT COUNT(*) FROM risk_decision WHERE application_id = ? AND input_json IS NOT NULL",
                applicationId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM risk_decision WHERE application_id = ?", applicationId))
                .as("the decision itself stays").isPositive();
        assertThat(count("SELECT COUNT(*) FROM consent WHERE borrower_id = ? AND client_ip IS NULL"
                + " AND user_agent IS NULL", borrowerId)).as("consents kept, without IP and browser").isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM credit_query_log WHERE application_id = ?", applicationId))
                .as("the log of the authorised bureau query stays").isOne();
        assertThat(maskedVariables(processInstanceId)).as("masked name, phone, ID number in the history").isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", processInstanceId))
                .as("no submitted form field").isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?", processInstanceId))
                .as("no comment").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count())
                .as("no variable of the borrower's process is left").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count())
                .as("the instance itself (what happened, when) stays").isOne();
        assertThat(redis.hasKey(pointer)).isFalse();
        assertThat(redis.hasKey(cached)).as("the cached bureau report").isFalse();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action IN ('ACCOUNT_CLOSED',"
                + " 'PERSONAL_DATA_ERASED')", borrowerId)).isEqualTo(2);

        // a request authenticated before the closure, which waited for the borrower's lock, is refused after it
        assertThatThrownBy(() -> borrowers.consent(borrowerId, List.of(new BorrowerRequests.ConsentGiven(
                "PRIVACY_POLICY", "1.0")), "127.0.0.1", "late-request"))
                .isInstanceOfSatisfying(com.loanflow.shared.ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("ACCOUNT_CLOSED"));
        assertThat(count("SELECT COUNT(*) FROM consent WHERE borrower_id = ? AND user_agent IS NOT NULL", borrowerId))
                .isZero();

        // the same phone and ID number register and verify again, as a new borrower
        String again = http.onboard(phone, idNumber);
        JsonNode newBorrower = http.send("GET", "/api/v1/borrowers/me", bearer(again), null).json();
        assertThat(newBorrower.path("borrowerId").asText()).isNotEqualTo(borrowerId);
    }

    @Test
    void aBorrowerWhoBorrowedIsKeptUntilTheRetentionEndsThenErased() throws Exception {
        var paidOut = paidOutLoans.paidOut("500.00");
        String borrowerId = paidOut.application().borrowerId;
        String applicationId = paidOut.application().applicationId;
        String loanId = paidOut.loanId();
        jdbc.update("UPDATE borrower SET password_hash = ? WHERE id = ?", new BCryptPasswordEncoder(4).encode(PASSWORD),
                borrowerId);
        // the signed contract, as the signing step leaves it (the fixture starts at the payout)
        jdbc.update("INSERT INTO loan_contract (id, application_id, contract_number, template_version, pdf_enc,"
                + " pdf_sha256, status, created_at, signed_at, signed_ip, signed_pdf_enc, signed_pdf_sha256,"
                + " borrower_cert_serial, version) VALUES (?, ?, ?, 'loan-contract/1.2', 'v1:cmVuZGVyZWQ=', ?, 'SIGNED',"
                + " ?, ?, '203.0.113.7', 'v1:c2lnbmVk', ?, '0A1B2C', 0)", UUID.randomUUID().toString(), applicationId,
                "LFTEST" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), "0".repeat(64),
                java.time.LocalDateTime.now().withNano(0), java.time.LocalDateTime.now().withNano(0), "a".repeat(64));
        PlatformHttp http = new PlatformHttp(port);
        String token = sessions.issue(borrowerId);

        PlatformHttp.Response open = close(http, token, PASSWORD);
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().path("code").asText()).isEqualTo("ACCOUNT_HAS_OPEN_LOAN");

        // settled on the day of the payout: the principal, by withholding, confirmed by the channel
        var headers = new HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "closure-settle-" + loanId.substring(0, 8));
        PlatformHttp.Response repay = http.send("POST", "/api/v1/loans/" + loanId + "/repayments", headers,
                Map.of("amount", "500.00"));
        assertThat(repay.status()).as(repay.toString()).isEqualTo(202);
        DisbursingApplication.await("the loan settled", () -> "SETTLED".equals(jdbc.queryForObject(
                "SELECT status FROM loan WHERE id = ?", String.class, loanId)));

        PlatformHttp.Response closed = close(http, token, PASSWORD);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        LocalDate retainedUntil = LocalDate.parse(closed.json().path("retainedUntil").asText());
        assertThat(closed.json().path("personalDataErased").asBoolean()).isFalse();
        assertThat(retainedUntil).isEqualTo(LocalDate.now().plusYears(5));
        assertThat(http.send("GET", "/api/v1/loans/" + loanId, bearer(token), null).status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/v1/loans/" + loanId, bearer(sessionIssuedAfterClosure(borrowerId)), null)
                .status()).as("a login racing the closure keeps no session").isEqualTo(401);

        // kept for anti-money-laundering record keeping: identity and transaction records, but no login
        Map<String, Object> kept = jdbc.queryForMap("SELECT * FROM borrower WHERE id = ?", borrowerId);
        assertThat(value(kept, "phone_enc")).isNotNull();
        assertThat(value(kept, "phone_idx")).as("the phone is free to register again").isNull();
        assertThat(value(kept, "password_hash")).isNull();
        assertThat(value(kept, "erased_at")).isNull();
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE id = ? AND bank_card_enc IS NOT NULL",
                applicationId)).isOne();

        closures.eraseDue(retainedUntil.minusDays(1));
        assertThat(value(jdbc.queryForMap("SELECT * FROM borrower WHERE id = ?", borrowerId), "erased_at"))
                .as("the day before the retention ends").isNull();

        closures.eraseDue(retainedUntil);
        Map<String, Object> erased = jdbc.queryForMap("SELECT * FROM borrower WHERE id = ?", borrowerId);
        assertThat(value(erased, "erased_at")).isNotNull();
        assertThat(value(erased, "phone_enc")).isNull();
        assertThat(value(erased, "phone_masked")).isNull();
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE id = ? AND bank_card_enc IS NULL"
                + " AND bank_card_masked IS NULL", applicationId)).isOne();
        assertThat(count("SELECT COUNT(*) FROM disbursement WHERE application_id = ? AND bank_card_enc IS NOT NULL",
                applicationId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM loan_contract WHERE application_id = ? AND pdf_enc IS NULL"
                + " AND signed_pdf_enc IS NULL AND signed_ip IS NULL AND borrower_cert_serial IS NULL"
                + " AND signed_pdf_sha256 IS NOT NULL", applicationId)).as("the PDFs go, the signed hash stays").isOne();
        // the money stays accounted for
        assertThat(jdbc.queryForObject("SELECT principal FROM loan WHERE id = ?", java.math.BigDecimal.class, loanId))
                .isEqualByComparingTo("500.00");
        assertThat(invariants.check().violations()).noneMatch(v -> v.contains(applicationId));
        closures.eraseDue(retainedUntil.plusDays(1));
        assertThat(value(jdbc.queryForMap("SELECT * FROM borrower WHERE id = ?", borrowerId), "erased_at"))
                .as("erased once").isEqualTo(value(erased, "erased_at"));
    }

    /** A session issued as if a login had read the account just before its closure committed. */
    private String sessionIssuedAfterClosure(String borrowerId) {
        try {
            return sessions.issue(borrowerId);
        } catch (com.loanflow.shared.ApiException refused) {
            assertThat(refused.status().value()).isEqualTo(401);
            return "refused-" + UUID.randomUUID();
        }
    }

    private static PlatformHttp.Response close(PlatformHttp http, String token, String password) {
        return http.send("POST", "/api/v1/borrowers/me/closure", token == null ? Map.of() : bearer(token),
                Map.of("password", password));
    }

    /** Lets the application reach its decision and withdraws it if it waits for a reviewer or a signature. */
    private static void endTheApplication(PlatformHttp http, String token, String applicationId) throws Exception {
        DisbursingApplication.await("the application's decision", () -> {
            String status = http.send("GET", "/api/v1/applications/" + applicationId, bearer(token), null).json()
                    .path("status").asText();
            if (List.of("IN_REVIEW", "APPROVED").contains(status)) {
                return http.send("POST", "/api/v1/applications/" + applicationId + "/withdrawal", bearer(token), null)
                        .status() == 200;
            }
            return List.of("REJECTED", "CANCELLED").contains(status);
        });
    }

    private long maskedVariables(String processInstanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn("maskedName", "maskedPhone", "maskedIdNumber").count();
    }

    /** A column's value whatever case the database reports its name in. */
    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + column)).getValue();
    }
}
