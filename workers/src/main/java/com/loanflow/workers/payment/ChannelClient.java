package com.loanflow.workers.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.platform.PayoutOrder;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.RetryableFailure;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The payment channel's payout API (docs/architecture.md, "Sandbox payment channel"): signed JSON requests. */
@Component
public class ChannelClient {

    /** The fields the channel expects, in the order they are signed and sent. */
    record PayoutRequest(String merchantId, String requestId, String amount, String currency, String cardNumber,
                         String notifyUrl, String timestamp) {
    }

    /** What the channel said; {@code code} is its error code (e.g. CHANNEL_BUSY, INVALID_CARD), null on success. */
    public record Answer(int status, String code) {
        public boolean accepted() {
            return status == 200;
        }

        public boolean busy() {
            return status == 503 || status == 429;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final MerchantSigner signer;
    private final WorkersProperties.Channel channel;
    private final Clock clock;

    @Autowired
    public ChannelClient(WorkersProperties properties, MerchantSigner signer) {
        this(properties, signer, RestClient.builder().requestFactory(PlatformClient.requestFactory()),
                Clock.systemUTC());
    }

    public ChannelClient(WorkersProperties properties, MerchantSigner signer, RestClient.Builder builder, Clock clock) {
        this.channel = properties.channel();
        this.http = builder.baseUrl(channel.baseUrl()).build();
        this.signer = signer;
        this.clock = clock;
    }

    /** Sends (or re-sends: same requestId, so the channel pays at most once) the payout for a disbursement. */
    public Answer sendPayout(PayoutOrder order) {
        byte[] body = body(new PayoutRequest(channel.merchantId(), order.requestId(), order.amount(), "CNY",
                order.bankCardNumber(), channel.notifyUrl(), clock.instant().toString()));
        return RetryableFailure.translating("POST payout", () -> http.post()
                .uri("/sandbox/channel/v1/payouts")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Signature", signer.sign(body))
                .body(body)
                .exchange((request, response) -> {
                    byte[] answer = response.getBody().readAllBytes();
                    return new Answer(response.getStatusCode().value(), code(answer));
                }));
    }

    static byte[] body(PayoutRequest request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(byte[] answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            return node == null ? null : node.path("code").asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }
}
