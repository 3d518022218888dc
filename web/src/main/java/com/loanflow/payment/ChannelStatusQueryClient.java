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
        this.merchantKey = Pem.privateKey(Pem.load(merchantKey));
        this.channelKey = Pem.publicKey(Pem.load(channelKey));
    }

    /**
     * The channel's signed answer for the request when it is final (SUCCEEDED or FAILED); empty while the channel is
     * still processing, when it does not know the request, or when the answer is not a 200 with a valid signature
     * (logged, asked again next round).
     */
    public Optional<JsonNode> finalAnswer(String requestId) throws Exception {
        Optional<JsonNode> answer;
        try {
            answer = answer(requestId);
        } catch (UnverifiedAnswerException e) {
            log.warn(e.getMessage());
            return Optional.empty();
        }
        if (answer.isEmpty()) {
            log.warn("The channel does not know request {} (404 to the status query)", requestId);
        }
        return answer.filter(a -> "SUCCEEDED".equals(a.path("status").asText())
                || "FAILED".equals(a.path("status").asText()));
    }

    /**
     * The channel's signed answer for the request, whatever its status (it carries {@code acceptedAt}, the channel's
     * time of acceptance that dates its statement row); empty when the channel says, signed, that it does not know
     * this request (404 UNKNOWN_REQUEST naming it). A withholding is given up on that answer, so a 404 from anything
     * else (a gateway, a wrong path, a maintenance page) proves nothing.
     *
     * @throws UnverifiedAnswerException for any other status, or an answer without the channel's valid signature
     */
    public Optional<JsonNode> answer(String requestId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("requestId", requestId);
        String queryTimestamp = clock.instant().toString();
        body.put("timestamp", queryTimestamp);
        byte[] bytes = json.writeValueAsBytes(body);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Signature", Pem.sign(merchantKey, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String signature = response.headers().firstValue("X-Signature").orElse(null);
        if (response.statusCode() == 404 && Pem.verify(channelKey, response.body(), signature)) {
            JsonNode unknown = json.readTree(response.body());
            if ("UNKNOWN_REQUEST".equals(unknown.path("code").asText())
                    && requestId.equals(unknown.path("requestId").asText())
                    && queryTimestamp.equals(unknown.path("queryTimestamp").asText())) {
                return Optional.empty();
            }
        }
        if (response.statusCode() != 200 || !Pem.verify(channelKey, response.body(), signature)) {
            throw new UnverifiedAnswerException("Channel answered " + response.statusCode() + " (signature "
                    + (signature == null ? "missing" : "present") + ") to the status query for " + requestId);
        }
        JsonNode known = json.readTree(response.body());
        // signed, but for this request and this query? A genuine answer about another request, or an old answer
        // about this one (PROCESSING before the channel accepted it), must not decide its fate
        if (!requestId.equals(known.path("requestId").asText())
                || !queryTimestamp.equals(known.path("queryTimestamp").asText())) {
            throw new UnverifiedAnswerException("Channel's signed answer to the status query for " + requestId
                    + " names request " + known.path("requestId").asText() + " or another query");
        }
        return Optional.of(known);
    }

    /** The channel's answer could not be trusted or was an error: nothing may be concluded from it. */
    public static class UnverifiedAnswerException extends RuntimeException {
        UnverifiedAnswerException(String message) {
            super(message);
        }
    }
}
