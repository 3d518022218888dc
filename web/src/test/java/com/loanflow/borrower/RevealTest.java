package com.loanflow.borrower;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plaintext only through the audited, role-checked reveal: ops yes (and audited), reviewers and borrowers no. */
@PlatformTest
class RevealTest {

    static final String BASE = "http://localhost:18080";
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, JsonNode body) {
    }

    Answer post(String path, Map<String, ?> body, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : json.readTree(response.body()));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void opsRevealsOneFieldWithAReasonAndTheRevealIsAudited() throws Exception {
        String phone = "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Answer registered = post("/api/v1/borrowers", Map.of("phone", phone, "password", "Passw0rd!9", "consents",
                List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                        Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                        Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                        Map.of("type", "FACE_RECOGNITION", "version", "1.0"))), null);
        assertThat(registered.status()).isEqualTo(201);
        String borrowerId = registered.body().path("borrowerId").asText();
        String path = "/ops/v1/borrowers/" + borrowerId + "/reveal";
        // the reason as an operator might type it, the number spaced (the audit log's own rule only sees digit runs)
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        Map<String, String> request = Map.of("field", "PHONE", "reason", "Borrower " + spaced
                + " called about a failed payout");

        assertThat(post(path, request, null).status()).isEqualTo(401);
        assertThat(post(path, request, basic("reviewer1")).status()).isEqualTo(403);
        Answer noReason = post(path, Map.of("field", "PHONE"), basic("ops1"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("fieldErrors").get(0).path("field").asText()).isEqualTo("reason");
        int reveals = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PII_REVEAL'", Integer.class);

        Answer revealed = post(path, request, basic("ops1"));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().path("value").asText()).isEqualTo(phone);

        var audit = jdbc.queryForMap("SELECT actor, subject_id, details FROM audit_log WHERE action = 'PII_REVEAL'"
                + " ORDER BY seq DESC LIMIT 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PII_REVEAL'", Integer.class))
                .isEqualTo(reveals + 1);
        assertThat(audit.get("actor")).isEqualTo("ops1");
        assertThat(audit.get("subject_id")).isEqualTo(borrowerId);
        assertThat((String) audit.get("details")).contains("failed payout").contains(phone.substring(7))
                .doesNotContain(phone).doesNotContain(spaced).doesNotContain(phone.substring(3, 7));
    }
}
