package com.loanflow.repayment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.Pem;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The channel adapter for withholdings: a request signed with the merchant's key (SHA256withRSA over the body
 * bytes), the result coming later as a signed callback to the notify URL. The card number travels only here.
 */
@Component
class WithholdingChannel {

    enum Answer { ACCEPTED, RETRY_LATER, REFUSED }

    private static final Logger log = LoggerFactory.getLogger(WithholdingChannel.class);

    private final ObjectMapper json;
    private final Clock clock;
    private final String url;
    private final String merchantId;
    private final String notifyUrl;
    private final PrivateKey merchantKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WithholdingChannel(ObjectMapper json, Clock clock, @Value("${loanflow.channel.base-url}") String baseUrl,
                       @Value("${loanflow.channel.merchant-id:loanflow-sandbox-merchant}") String merchantId,
                       @Value("${loanflow.channel.notify-url}") String notifyUrl,
                       @Value("${loanflow.channel.merchant-private-key-resource:sandbox/keys/merchant-private.pem}")
                       String merchantKey) {
        this.json = json;
        this.clock = clock;
        this.url = baseUrl + "/sandbox/channel/v1/withholdings";
        this.merchantId = merchantId;
        this.notifyUrl = notifyUrl;
        this.merchantKey = Pem.privateKey(Pem.load(merchantKey));
    }

    /** The channel's acceptance of this request: its answer says ACCEPTED and names the request. */
    boolean acceptedFor(String requestId, String body) {
        try {
            var node = json.readTree(body);
            return node != null && "ACCEPTED".equals(node.path("status").asText(null))
                    && requestId.equals(node.path("requestId").asText(null));
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    /**
     * The channel's refusal of the request itself (400: invalid request or card), final: the request is recorded
     * FAILED. Anything else (401/403 from a gateway or a key being rotated, 408, 409, 429, a gateway's 404, 5xx) says
     * nothing about whether an earlier send of the same request id was accepted, so it is asked again; the status
     * query settles it.
     */
    private String answerCode(String body) {
        try {
            String code = json.readTree(body).path("code").asText("");
            return code.matches("[A-Z_]{1,40}") ? code : "(no code)";
        } catch (java.io.IOException | RuntimeException e) {
            return "(not JSON)";
        }
    }

    static boolean refusal(int status) {
        return status == 400;
    }

    Answer withhold(String requestId, BigDecimal amount, String cardNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("requestId", requestId);
        body.put("amount", amount.toPlainString());
        body.put("currency", "CNY");
        body.put("cardNumber", cardNumber);
        body.put("notifyUrl", notifyUrl);
        body.put("timestamp", clock.instant().toString());
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("X-Signature", Pem.sign(merchantKey, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                // only the channel's acceptance of this request: a bare 200 (a proxy's page) is asked again
                return acceptedFor(requestId, response.body()) ? Answer.ACCEPTED : Answer.RETRY_LATER;
            }
            // the code only: a channel's refusal may echo the card it was sent, a proxy's page is noise
            log.info("Channel answered {} to withholding {}: {}", response.statusCode(), requestId,
                    answerCode(response.body()));
            return refusal(response.statusCode()) ? Answer.REFUSED : Answer.RETRY_LATER;
        } catch (java.io.IOException e) {
            log.info("Withholding {} not sent: {}", requestId, e.toString());
            return Answer.RETRY_LATER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.RETRY_LATER;
        }
    }
}
