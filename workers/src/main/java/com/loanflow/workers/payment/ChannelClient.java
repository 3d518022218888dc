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
    public record Answer(int status, String code, String channelStatus, String requestId) {

        public Answer(int status, String code) {
            this(status, code, status == 200 ? "ACCEPTED" : null, null);
        }

        /**
         * The channel took this request: a 200 whose body says ACCEPTED for this request id. A bare 200 (a proxy's
         * page, a misrouted call) is not an acceptance: marking the payout sent on it would leave the loan waiting
         * for a callback the channel never sends.
         */
        public boolean acceptedFor(String expectedRequestId) {
            return status == 200 && "ACCEPTED".equals(channelStatus) && expectedRequestId.equals(requestId);
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
                    JsonNode node = node(answer);
                    return new Answer(response.getStatusCode().value(), code(node), text(node, "status"),
                            text(node, "requestId"));
                }));
    }

    static byte[] body(PayoutRequest request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode node(byte[] answer) {
        try {
            return JSON.readTree(answer);
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The channel's answer code, if it is one: it travels into log lines, exception messages and the engine's
     * incident, so free text a channel puts there (which may echo the card number it refused) is not passed on.
     */
    static String code(JsonNode node) {
        String code = text(node, "code");
        return code == null || code.matches("[A-Z][A-Z0-9_]{0,39}") ? code : UNRECOGNISED_CODE;
    }

    static final String UNRECOGNISED_CODE = "UNRECOGNISED_CODE";

    private static String text(JsonNode node, String field) {
        return node == null ? null : node.path(field).asText(null);
    }
}
