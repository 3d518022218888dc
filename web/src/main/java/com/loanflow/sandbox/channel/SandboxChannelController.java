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

    SandboxChannelController(SandboxChannel channel, ObjectMapper json,
                             @Value("${loanflow.sandbox.channel.merchant-public-key-resource}") String merchantKey) {
        this.channel = channel;
        this.json = json;
        this.merchantKey = Pem.publicKey(Pem.classpath(merchantKey));
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

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("code", code, "retryable", status == HttpStatus.SERVICE_UNAVAILABLE));
    }
}
