package com.loanflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.RunningPlatform;
import com.loanflow.shared.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/**
 * The sandbox channel keeps its contract like a real one: a signed request it cannot take (malformed, a field longer
 * than it stores, a payout of nothing) is a 400 with a code, never a 500, and nothing is stored; a signed request
 * older than five minutes is a replay (401 STALE_REQUEST).
 */
class SandboxChannelContractTest extends RunningPlatform {

    final PrivateKey merchantKey = Pem.privateKey(Pem.classpath("sandbox/keys/merchant-private.pem"));
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signedRequestsTheChannelCannotTakeAre400sAndStoreNothing() throws Exception {
        int before = count("SELECT COUNT(*) FROM sandbox_channel_payout");
        String valid = "\"currency\":\"CNY\",\"cardNumber\":\"6222020000000007\",\"notifyUrl\":\"http://localhost/cb\","
                + "\"timestamp\":\"" + java.time.Instant.now() + "\"";
        for (String body : new String[] {"null", "[1]", "{not json",
                "{\"requestId\":\"PO-contract-1\",\"amount\":\"100.00\"," + valid + "}",
                "{\"merchantId\":\"m\",\"requestId\":\"PO" + "9".repeat(41) + "\",\"amount\":\"100.00\"," + valid + "}",
                "{\"merchantId\":\"" + "m".repeat(41) + "\",\"requestId\":\"PO-contract-2\",\"amount\":\"100.00\"," + valid + "}",
                "{\"merchantId\":\"m\",\"requestId\":\"PO-contract-3\",\"amount\":\"0.00\"," + valid + "}"}) {
            HttpResponse<String> answer = post("/sandbox/channel/v1/payouts", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("\"code\"");
        }
        for (String body : new String[] {"{not json", "null", "{\"merchantId\":\"m\"}"}) {
            assertThat(post("/sandbox/channel/v1/payouts/query", body).statusCode()).as(body).isEqualTo(400);
        }
        // correctly signed, but sent ten minutes ago (or with no time at all): a replay, refused, nothing stored
        String stale = java.time.Instant.now().minusSeconds(600).toString();
        for (String timestamp : new String[] {stale, "", "yesterday"}) {
            String body = "{\"merchantId\":\"m\",\"requestId\":\"PO-contract-stale\",\"amount\":\"100.00\","
                    + valid.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"" + timestamp + "\"") + "}";
            HttpResponse<String> replay = post("/sandbox/channel/v1/payouts", body);
            assertThat(replay.statusCode()).as(timestamp).isEqualTo(401);
            assertThat(replay.body()).contains("STALE_REQUEST");
        }
        assertThat(post("/sandbox/channel/v1/payouts/query", "{\"merchantId\":\"m\",\"requestId\":\"PO1\","
                + "\"timestamp\":\"" + stale + "\"}").statusCode()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM sandbox_channel_payout")).isEqualTo(before);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-Signature", Pem.sign(merchantKey, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
