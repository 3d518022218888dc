package com.loanflow.sandbox.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.Luhn;
import com.loanflow.shared.Pem;
import java.security.PublicKey;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox payment channel's HTTP face: signed payout requests in, signed callbacks out. Its own keys. */
@RestController
@ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SandboxChannelController {

    private final SandboxChannel channel;
    private final ObjectMapper json;
    private final PublicKey merchantKey;
    private final SandboxPayoutMapper payouts;
    private final java.security.PrivateKey channelPrivateKey;

    SandboxChannelController(SandboxChannel channel, SandboxPayoutMapper payouts, ObjectMapper json,
                             @Value("${loanflow.sandbox.channel.merchant-public-key-resource}") String merchantKey,
                             @Value("${loanflow.sandbox.channel.private-key-resource}") String channelKey) {
        this.channel = channel;
        this.payouts = payouts;
        this.json = json;
        this.merchantKey = Pem.publicKey(Pem.classpath(merchantKey));
        this.channelPrivateKey = Pem.privateKey(Pem.classpath(channelKey));
    }

    @PostMapping("/sandbox/channel/v1/payouts")
    ResponseEntity<Map<String, Object>> payout(@RequestHeader(value = "X-Signature", required = false) String signature,
                                               @RequestBody byte[] body) {
        if (!Pem.verify(merchantKey, body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE");
        }
        SandboxChannel.PayoutRequest request;
        try {
            request = json.readValue(body, SandboxChannel.PayoutRequest.class);
        } catch (Exception e) {
            return error(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        }
        if (request.requestId() == null || request.notifyUrl() == null || !"CNY".equals(request.currency())
                || request.amount() == null || !request.amount().matches("\\d{1,9}\\.\\d{2}")) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        if (!Luhn.isValid(request.cardNumber())) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_CARD");
        }
        return switch (channel.accept(request)) {
            case ACCEPTED, ALREADY_ACCEPTED -> ResponseEntity.ok(Map.of("requestId", request.requestId(), "status", "ACCEPTED"));
            case BUSY -> error(HttpStatus.SERVICE_UNAVAILABLE, "CHANNEL_BUSY");
            case MISMATCH -> error(HttpStatus.BAD_REQUEST, "REQUEST_ID_REUSED");
        };
    }

    record StatusQuery(String merchantId, String requestId, String timestamp) {
    }

    /** The merchant's status query (signed like a payout); the answer is signed with the channel's key. */
    @PostMapping("/sandbox/channel/v1/payouts/query")
    ResponseEntity<byte[]> query(@RequestHeader(value = "X-Signature", required = false) String signature,
                                 @RequestBody byte[] body) throws java.io.IOException {
        if (!Pem.verify(merchantKey, body, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(json.writeValueAsBytes(
                    Map.of("code", "INVALID_SIGNATURE", "retryable", false)));
        }
        StatusQuery query = json.readValue(body, StatusQuery.class);
        var payout = payouts.find(query.requestId());
        if (payout.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(json.writeValueAsBytes(
                    Map.of("code", "UNKNOWN_REQUEST", "retryable", false)));
        }
        Map<String, Object> answer = payout.get().result();
        if ("BUSY".equals(payout.get().status())) {
            // not accepted yet: nothing final to report
            answer.put("status", "PROCESSING");
            answer.put("failureCode", null);
        }
        byte[] bytes = json.writeValueAsBytes(answer);
        return ResponseEntity.ok().header("X-Signature", Pem.sign(channelPrivateKey, bytes))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(bytes);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("code", code, "retryable", status == HttpStatus.SERVICE_UNAVAILABLE));
    }
}
