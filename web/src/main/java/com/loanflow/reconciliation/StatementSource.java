package com.loanflow.reconciliation;

import com.loanflow.shared.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Downloads the channel's statement for a day and accepts it only if the channel's signature verifies over the
 * exact bytes and their SHA-256 matches the announced checksum: a tampered file starts no reconciliation.
 */
@Component
class StatementSource {

    private final String baseUrl;
    private final String merchantId;
    private final PublicKey channelKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StatementSource(@Value("${loanflow.channel.base-url}") String baseUrl,
                    @Value("${loanflow.channel.merchant-id:loanflow-sandbox-merchant}") String merchantId,
                    @Value("${loanflow.channel.public-key-resource}") String channelKey) {
        this.baseUrl = baseUrl;
        this.merchantId = merchantId;
        this.channelKey = Pem.publicKey(Pem.load(channelKey));
    }

    ChannelStatement fetch(LocalDate day) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/channel/v1/statements/" + day
                    + "?merchantId=" + merchantId)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new StatementUnavailableException("statement for " + day + " not fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatementUnavailableException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new StatementUnavailableException("channel answered " + response.statusCode() + " for " + day);
        }
        byte[] body = response.body();
        String sha256 = sha256(body);
        if (!Pem.verify(channelKey, body, response.headers().firstValue("X-Signature").orElse(null))
                || !sha256.equalsIgnoreCase(response.headers().firstValue("X-Content-SHA256").orElse(""))) {
            throw new StatementUnavailableException("statement for " + day + " fails its signature or checksum");
        }
        try {
            return ChannelStatement.parse(sha256, new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            // signed but not in the agreed format: nothing is reconciled against it (502 to ops, retried next run)
            throw new StatementUnavailableException("statement for " + day + " is malformed: " + malformed.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static class StatementUnavailableException extends RuntimeException {
        StatementUnavailableException(String message) {
            super(message);
        }
    }
}
