package com.loanflow.privacy;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.payment.DisbursingApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The borrower's copy of their data (PIPL art. 45, ADR 0027): everything the platform holds and did, each decision
 * explained, the bureau queries made on their authorization; identifiers masked, IP addresses as networks.
 */
class DataExportTest extends RunningPlatform {

    static final String CARD = "6222020000000056";

    @Test
    void theBorrowerDownloadsWhatTheyConsentedToHowTheyWereDecidedAndWhoAskedTheBureau() throws Exception {
        PlatformHttp http = new PlatformHttp(port);
        String phone = PlatformHttp.beijingPhone();
        String idNumber = readableIdNumber();
        String token = http.onboard(phone, idNumber);
        String otherBorrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(http.onboard(PlatformHttp.beijingPhone(),
                PlatformHttp.beijingIdNumber())), null).json().path("borrowerId").asText();
        var headers = new HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "export-" + UUID.randomUUID());
        assertThat(http.send("POST", "/api/v1/applications", headers, Map.of("amount", "800.00", "termMonths", 3,
                "bankCardNumber", CARD, "purpose", "CONSUMPTION")).status()).isEqualTo(202);
        String applicationId = http.send("GET", "/api/v1/applications", bearer(token), null).json().get(0)
                .path("applicationId").asText();
        DisbursingApplication.await("the automatic decision", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk_decision WHERE application_id = ?", Integer.class, applicationId) == 1);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/borrowers/me/data-export")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"loanflow-my-data-"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        String body = response.body();
        JsonNode export = new ObjectMapper().readTree(body);

        assertThat(body).doesNotContain(phone).doesNotContain(idNumber).doesNotContain(CARD).doesNotContain("测试")
                .as("addresses only as networks").doesNotContain("127.0.0.1");
        assertThat(body).as("another borrower's rows").doesNotContain(otherBorrowerId);
        assertThat(export.path("borrower").path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****"
                + phone.substring(7));
        assertThat(export.path("consents")).hasSize(4).allSatisfy(consent -> {
            assertThat(consent.path("consentedAt").asText()).isNotBlank();
            assertThat(consent.path("documentSha256").asText()).hasSize(64);
            assertThat(consent.path("network").asText()).isEqualTo("127.0.0.0/24");
        });
        JsonNode application = export.path("applications").get(0);
        assertThat(application.path("applicationId").asText()).isEqualTo(applicationId);
        assertThat(application.path("submittedFromNetwork").asText()).isEqualTo("127.0.0.0/24");
        assertThat(application.path("bankCard").asText()).endsWith("0056");
        String outcome = jdbc.queryForObject("SELECT outcome FROM risk_decision WHERE application_id = ?", String.class,
                applicationId);
        assertThat(application.path("automaticDecision").path("outcome").asText()).isEqualTo(outcome);
        assertThat(application.path("automaticDecision").path("adverseFactors")).isNotEmpty().allSatisfy(factor ->
                assertThat(factor.path("description").asText()).as("explained, not just a code")
                        .isNotEqualTo(factor.path("code").asText()));
        assertThat(application.path("creditBureauQueries")).hasSize(1);
        assertThat(application.path("creditBureauQueries").get(0).path("purpose").asText()).isEqualTo("LOAN_APPLICATION");
        assertThat(export.path("behaviourLog")).isNotEmpty();
        assertThat(export.path("neverCollected").toString()).contains("contacts");

        assertThat(http.send("GET", "/api/v1/borrowers/me/data-export", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void addressesAreShownAsTheirNetworkInEveryNotation() {
        assertThat(DataExport.network("203.0.113.7")).isEqualTo("203.0.113.0/24");
        assertThat(DataExport.network("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
        assertThat(DataExport.network("2001:db8::1")).isEqualTo("2001:db8:0::/48");
        assertThat(DataExport.network("::1")).isEqualTo("0:0:0::/48");
        assertThat(DataExport.network("::ffff:203.0.113.7")).as("IPv4-mapped").isEqualTo("203.0.113.0/24");
        assertThat(DataExport.network("evil.example.com")).as("never resolved, never shown").isNull();
        assertThat(DataExport.network(null)).isNull();
    }
}
