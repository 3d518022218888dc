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
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final CallbackDispatcher callbacks;
    private final java.time.Clock clock;

    /** How far a signed request's timestamp may be from the channel's clock: older is a replay, not a request. */
    static final java.time.Duration FRESHNESS = java.time.Duration.ofMinutes(5);

    SandboxChannelController(SandboxChannel channel, SandboxPayoutMapper payouts, ObjectMapper json,
                             CallbackDispatcher callbacks, java.time.Clock clock,
                             @Value("${loanflow.sandbox.channel.merchant-public-key-resource}") String merchantKey,
                             @Value("${loanflow.sandbox.channel.private-key-resource}") String channelKey) {
        this.channel = channel;
        this.payouts = payouts;
        this.callbacks = callbacks;
        this.clock = clock;
        this.json = json;
        this.merchantKey = Pem.publicKey(Pem.load(merchantKey));
        this.channelPrivateKey = Pem.privateKey(Pem.load(channelKey));
    }

    @PostMapping("/sandbox/channel/v1/payouts")
    ResponseEntity<Map<String, Object>> payout(@RequestHeader(value = "X-Signature", required = false) String signature,
                                               @RequestBody byte[] body) {
        return accept(signature, body, SandboxPayout.PAYOUT);
    }

    /** A debit of the borrower's card in favour of the merchant (the lender's depository account); same contract. */
    @PostMapping("/sandbox/channel/v1/withholdings")
    ResponseEntity<Map<String, Object>> withholding(
            @RequestHeader(value = "X-Signature", required = false) String signature, @RequestBody byte[] body) {
        return accept(signature, body, SandboxPayout.WITHHOLDING);
    }

    /**
     * The merchant's daily statement: every payout and withholding the channel accepted that day with its result,
     * as CSV; X-Signature signs the exact bytes with the channel's key, X-Content-SHA256 is their checksum.
     */
    @GetMapping(value = "/sandbox/channel/v1/statements/{date}", produces = "text/csv")
    ResponseEntity<byte[]> statement(@PathVariable String date,
                                     @RequestParam(defaultValue = "loanflow-sandbox-merchant") String merchantId) {
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return ResponseEntity.badRequest().body("code,INVALID_DATE\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = SandboxStatement.csv(merchantId, day,
                payouts.findForStatement(merchantId, day.atStartOfDay(), day.plusDays(1).atStartOfDay()));
        return ResponseEntity.ok().header("X-Signature", Pem.sign(channelPrivateKey, bytes))
                .header("X-Content-SHA256", SandboxStatement.sha256(bytes))
                .contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8)).body(bytes);
    }

    /** The sandbox's delivery log for one request: every callback it sent, and what the merchant answered. */
    @GetMapping("/sandbox/channel/v1/deliveries/{requestId}")
    java.util.List<CallbackDispatcher.Delivery> deliveries(@PathVariable String requestId) {
        return callbacks.deliveries(requestId);
    }

    private ResponseEntity<Map<String, Object>> accept(String signature, byte[] body, String kind) {
        if (!Pem.verify(merchantKey, body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE");
        }
        SandboxChannel.PayoutRequest request;
        try {
            request = json.readValue(body, SandboxChannel.PayoutRequest.class);
        } catch (Exception e) {
            return error(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        }
        // the channel's own contract: what its table holds, and no payout of nothing
        if (request == null || request.requestId() == null || request.requestId().isBlank()
                || request.requestId().length() > 40 || request.merchantId() == null
                || request.merchantId().length() > 40 || request.notifyUrl() == null
                || request.notifyUrl().length() > 255 || !"CNY".equals(request.currency())
                || request.amount() == null || !request.amount().matches("\\d{1,9}\\.\\d{2}")
                || new java.math.BigDecimal(request.amount()).signum() <= 0) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        if (!fresh(request.timestamp())) {
            return error(HttpStatus.UNAUTHORIZED, "STALE_REQUEST");
        }
        if (!Luhn.isValid(request.cardNumber())) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_CARD");
        }
        return switch (channel.accept(request, kind)) {
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
        StatusQuery query;
        try {
            query = json.readValue(body, StatusQuery.class);
        } catch (java.io.IOException malformed) {
            query = null;
        }
        if (query == null || query.requestId() == null) {
            return ResponseEntity.badRequest().body(json.writeValueAsBytes(
                    Map.of("code", "MALFORMED_REQUEST", "retryable", false)));
        }
        if (!fresh(query.timestamp())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(json.writeValueAsBytes(
                    Map.of("code", "STALE_REQUEST", "retryable", false)));
        }
        var payout = payouts.find(query.requestId());
        if (payout.isEmpty()) {
            // signed like every answer, and naming the request: "never accepted" decides a withholding's fate, so a
            // gateway's or a proxy's 404 must not be mistaken for it
            Map<String, Object> unknown = new java.util.LinkedHashMap<>();
            unknown.put("code", "UNKNOWN_REQUEST");
            unknown.put("requestId", query.requestId());
            // the query's own timestamp, echoed: the answer is bound to this query and cannot be replayed to a later one
            unknown.put("queryTimestamp", query.timestamp());
            unknown.put("retryable", false);
            byte[] bytes = json.writeValueAsBytes(unknown);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).header("X-Signature", Pem.sign(channelPrivateKey, bytes))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(bytes);
        }
        // acceptedAt (when accepted): the channel's day, which dates the statement that lists it
        Map<String, Object> answer = payout.get().result();
        if ("BUSY".equals(payout.get().status())) {
            // not accepted yet: nothing final to report
            answer.put("status", "PROCESSING");
            answer.put("failureCode", null);
        }
        answer.put("queryTimestamp", query.timestamp()); // bound to this query, like the 404
        byte[] bytes = json.writeValueAsBytes(answer);
        return ResponseEntity.ok().header("X-Signature", Pem.sign(channelPrivateKey, bytes))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(bytes);
    }

    /**
     * A signed request is the merchant's only for a few minutes: the signature covers the timestamp, so a request
     * captured and sent again later (a replayed payout, or a status query replayed to get an old answer) is refused.
     */
    boolean fresh(String timestamp) {
        try {
            java.time.Instant sent = java.time.Instant.parse(timestamp);
            return java.time.Duration.between(sent, clock.instant()).abs().compareTo(FRESHNESS) <= 0;
        } catch (RuntimeException missingOrMalformed) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("code", code, "retryable", status == HttpStatus.SERVICE_UNAVAILABLE));
    }
}
