package com.loanflow.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.ApiException;
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
 * Finds lost callbacks: payouts still SENT after a while are queried at the channel (signed request, signed
 * answer) and a final answer goes through the same idempotent path as a callback, so a late callback afterwards is
 * only a duplicate.
 */
@Component
@ConditionalOnProperty(name = "loanflow.channel.status-query-enabled", havingValue = "true", matchIfMissing = true)
class PayoutStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(PayoutStatusQuery.class);

    private final DisbursementMapper mapper;
    private final Disbursements disbursements;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration after;
    private final String queryUrl;
    private final String merchantId;
    private final PrivateKey merchantKey;
    private final PublicKey channelKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PayoutStatusQuery(DisbursementMapper mapper, Disbursements disbursements, ObjectMapper json, Clock clock,
                      @Value("${loanflow.channel.status-query-after:PT60S}") Duration after,
                      @Value("${loanflow.channel.base-url}") String channelBaseUrl,
                      @Value("${loanflow.channel.merchant-id:loanflow-sandbox-merchant}") String merchantId,
                      @Value("${loanflow.channel.merchant-private-key-resource:sandbox/keys/merchant-private.pem}")
                      String merchantKey,
                      @Value("${loanflow.channel.public-key-resource}") String channelKey) {
        this.mapper = mapper;
        this.disbursements = disbursements;
        this.json = json;
        this.clock = clock;
        this.after = after;
        this.queryUrl = channelBaseUrl + "/sandbox/channel/v1/payouts/query";
        this.merchantId = merchantId;
        this.merchantKey = Pem.privateKey(Pem.classpath(merchantKey));
        this.channelKey = Pem.publicKey(Pem.classpath(channelKey));
    }

    @Scheduled(fixedDelayString = "${loanflow.channel.status-query-interval:PT15S}",
            initialDelayString = "${loanflow.channel.status-query-interval:PT15S}")
    void queryOverduePayouts() {
        for (Disbursement d : mapper.findSentBefore(LocalDateTime.now(clock).minus(after), 50)) {
            try {
                query(d);
            } catch (Exception e) {
                log.warn("Status query for payout {} failed: {}", d.requestId(), e.toString());
            }
        }
    }

    private void query(Disbursement d) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("requestId", d.requestId());
        body.put("timestamp", clock.instant().toString());
        byte[] bytes = json.writeValueAsBytes(body);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Signature", Pem.sign(merchantKey, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String signature = response.headers().firstValue("X-Signature").orElse(null);
        if (response.statusCode() != 200 || !Pem.verify(channelKey, response.body(), signature)) {
            log.warn("Channel answered {} (signature {}) to the status query for {}", response.statusCode(),
                    signature == null ? "missing" : "present", d.requestId());
            return;
        }
        Disbursements.ChannelResult result = json.readValue(response.body(), Disbursements.ChannelResult.class);
        if (!"SUCCEEDED".equals(result.status()) && !"FAILED".equals(result.status())) {
            return; // still processing at the channel
        }
        try {
            var outcome = disbursements.applyCallback(d.channel(), result);
            log.info("Status query settled payout {}: {} ({})", d.requestId(), result.status(), outcome);
        } catch (ApiException notYet) {
            log.info("Status query for {}: {}", d.requestId(), notYet.getMessage());
        }
    }
}
