package com.loanflow.repayment;

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
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds lost withholding callbacks the way PayoutStatusQuery does for payouts: withholdings still SENT after a while
 * are queried at the channel (signed request, signed answer); a final answer takes the callback's idempotent path.
 * Withholdings still REQUESTED (the channel answered busy) are sent again with the same request id.
 */
@Component
@ConditionalOnProperty(name = "loanflow.channel.status-query-enabled", havingValue = "true", matchIfMissing = true)
class WithholdingStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(WithholdingStatusQuery.class);

    private final WithholdingMapper mapper;
    private final Withholdings withholdings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration after;
    private final String queryUrl;
    private final String merchantId;
    private final PrivateKey merchantKey;
    private final PublicKey channelKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WithholdingStatusQuery(WithholdingMapper mapper, Withholdings withholdings, ObjectMapper json, Clock clock,
                           @Value("${loanflow.channel.status-query-after:PT60S}") Duration after,
                           @Value("${loanflow.channel.base-url}") String channelBaseUrl,
                           @Value("${loanflow.channel.merchant-id:loanflow-sandbox-merchant}") String merchantId,
                           @Value("${loanflow.channel.merchant-private-key-resource:sandbox/keys/merchant-private.pem}")
                           String merchantKey,
                           @Value("${loanflow.channel.public-key-resource}") String channelKey) {
        this.mapper = mapper;
        this.withholdings = withholdings;
        this.json = json;
        this.clock = clock;
        this.after = after;
        this.queryUrl = channelBaseUrl + "/sandbox/channel/v1/payouts/query"; // the channel's query covers both kinds
        this.merchantId = merchantId;
        this.merchantKey = Pem.privateKey(Pem.classpath(merchantKey));
        this.channelKey = Pem.publicKey(Pem.classpath(channelKey));
    }

    @Scheduled(fixedDelayString = "${loanflow.channel.status-query-interval:PT15S}",
            initialDelayString = "${loanflow.channel.status-query-interval:PT15S}")
    void queryOverdueWithholdings() {
        LocalDateTime cutoff = LocalDateTime.now(clock).minus(after);
        for (Withholding w : mapper.findInStatusBefore(Withholding.Status.REQUESTED, cutoff, 50)) {
            try {
                // the channel was busy or unreachable: send the same request id again (it never debits twice)
                withholdings.send(w.repaymentId());
            } catch (Exception e) {
                log.warn("Re-sending withholding {} failed: {}", w.requestId(), e.toString());
            }
        }
        for (Withholding w : mapper.findInStatusBefore(Withholding.Status.SENT, cutoff, 50)) {
            try {
                query(w);
            } catch (Exception e) {
                log.warn("Status query for withholding {} failed: {}", w.requestId(), e.toString());
            }
        }
    }

    private void query(Withholding w) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("requestId", w.requestId());
        body.put("timestamp", clock.instant().toString());
        byte[] bytes = json.writeValueAsBytes(body);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Signature", Pem.sign(merchantKey, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String signature = response.headers().firstValue("X-Signature").orElse(null);
        if (response.statusCode() != 200 || !Pem.verify(channelKey, response.body(), signature)) {
            log.warn("Channel answered {} to the status query for withholding {}", response.statusCode(), w.requestId());
            return;
        }
        JsonNode result = json.readTree(response.body());
        String status = result.path("status").asText();
        if (!"SUCCEEDED".equals(status) && !"FAILED".equals(status)) {
            return; // still processing at the channel
        }
        var outcome = withholdings.applyCallback(w.channel(), w.requestId(), result.path("channelTransactionId")
                .asText(null), status, result.path("failureCode").isNull() ? null : result.path("failureCode").asText());
        log.info("Status query settled withholding {}: {} ({})", w.requestId(), status, outcome);
    }
}
