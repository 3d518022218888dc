package com.loanflow.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.repayment.Withholdings;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Pem;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The payment channel's asynchronous result. Signature first: an unsigned or forged callback changes nothing. */
@RestController
class PaymentCallbackController {

    private final Disbursements disbursements;
    private final Withholdings withholdings;
    private final ObjectMapper json;
    private final Map<String, PublicKey> channelKeys;

    PaymentCallbackController(Disbursements disbursements, Withholdings withholdings, ObjectMapper json,
                              @Value("${loanflow.channel.public-key-resource}") String sandboxChannelKey) {
        this.disbursements = disbursements;
        this.withholdings = withholdings;
        this.json = json;
        this.channelKeys = Map.of("sandbox", Pem.publicKey(Pem.load(sandboxChannelKey)));
    }

    @PostMapping("/api/v1/payment-callbacks/{channel}")
    Map<String, String> callback(@PathVariable String channel,
                                 @RequestHeader(value = "X-Signature", required = false) String signature,
                                 @RequestBody byte[] body) {
        PublicKey key = channelKeys.get(channel);
        if (key == null) {
            throw ApiException.notFound("Payment channel");
        }
        if (!Pem.verify(key, body, signature)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "Callback signature does not verify");
        }
        Disbursements.ChannelResult result;
        try {
            result = json.readValue(body, Disbursements.ChannelResult.class);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Callback body is not valid JSON");
        }
        if (result == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Callback body must be a JSON object");
        }
        if (result.requestId() == null || result.status() == null) {
            throw ApiException.invalidField(result.requestId() == null ? "requestId" : "status", "is required");
        }
        // a signed body is the channel's word, but not a licence to overflow a column into a 500 it would retry forever
        requireLength("requestId", result.requestId(), 40);
        requireLength("status", result.status(), 24);
        requireLength("channelTransactionId", result.channelTransactionId(), 64);
        requireLength("acceptedAt", result.acceptedAt(), 40);
        // failureCode: any text is kept as a code or OTHER (Disbursements.ChannelResult, PaymentCallbacks.failureCode)
        if (withholdings.handles(result.requestId())) {
            return Map.of("result", withholdings.applyCallback(channel, result.requestId(),
                    result.channelTransactionId(), result.status(), result.failureCode(), result.acceptedAt()).name());
        }
        return Map.of("result", disbursements.applyCallback(channel, result).name());
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
    }
}
