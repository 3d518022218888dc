package com.loanflow.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The channel's signed status query, shared by payouts and withholdings (one query endpoint covers both): a
 * merchant-signed request, and an answer accepted only with the channel's valid signature.
 */
@Component
public class ChannelStatusQueryClient {

    private static final Logger log = LoggerFactory.getLogger(ChannelStatusQueryClient.class);

    private final ObjectMapper json;
    private final Clock clock;
    private final String queryUrl;
    private final String merchantId;
    private final PrivateKey merchantKey;
    private final PublicKey channelKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ChannelStatusQueryClient(ObjectMapper json, Clock clock,
                             @Value("${loanflow.channel.base-url}") String channelBaseUrl,
                             @Value("${loanflow.channel.merchant-id:loanflow-sandbox-merchant}") String merchantId,
                             @Value("${loanflow.channel.merchant-private-key-resource:sandbox/keys/merchant-private.pem}")
                             String merchantKey,
                             @Value("${loanflow.channel.public-key-resource}") String channelKey) {
        this.json = json;
        this.clock = clock;
        this.queryUrl = channelBaseUrl + "/sandbox/channel/v1/payouts/query";
        this.merchantId = merchantId;
        this.merchantKey = Pem.privateKey(Pem.classpath(merchantKey));
        this.channelKey = Pem.publicKey(Pem.classpath(channelKey));
    }

    /**
     * The channel's signed answer for the request when it is final (SUCCEEDED or FAILED); empty while the channel is
     * still processing, or when the answer is not a 200 with a valid signature (logged, asked again next round).
     */
    public Optional<JsonNode> finalAnswer(String requestId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("requestId", requestId);
        body.put("timestamp", clock.instant().toString());
        byte[] bytes = json.writeValueAsBytes(body);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Signature", Pem.sign(merchantKey, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String signature = response.headers().firstValue("X-Signature").orElse(null);
        if (response.statusCode() != 200 || !Pem.verify(channelKey, response.body(), signature)) {
            log.warn("Channel answered {} (signature {}) to the status query for {}", response.statusCode(),
                    signature == null ? "missing" : "present", requestId);
            return Optional.empty();
        }
        JsonNode answer = json.readTree(response.body());
        String status = answer.path("status").asText();
        return "SUCCEEDED".equals(status) || "FAILED".equals(status) ? Optional.of(answer) : Optional.empty();
    }
}
