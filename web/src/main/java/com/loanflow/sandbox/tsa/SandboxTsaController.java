package com.loanflow.sandbox.tsa;

import com.loanflow.contract.signing.TimestampAuthority;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox RFC 3161 time-stamping authority, over HTTP as real TSAs answer (RFC 3161 section 3.4): a DER
 * TimeStampReq posted as {@code application/timestamp-query}, a DER TimeStampResp back as
 * {@code application/timestamp-reply}. Its keys (own root, time-stamping unit) live in their own keystore, apart
 * from the platform's e-signing keys, as a third party's would.
 */
@RestController
@ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SandboxTsaController {

    static final MediaType QUERY = MediaType.parseMediaType("application/timestamp-query");
    static final MediaType REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final TimestampAuthority authority;

    SandboxTsaController(@Value("${loanflow.sandbox.tsa.keystore:./var/keys/sandbox-tsa.p12}") Path keystore,
                         @Value("${loanflow.sandbox.tsa.keystore-password:loanflow-sandbox-tsa}") String password,
                         Clock clock) {
        this.authority = TimestampAuthority.openOrCreate(keystore, password.toCharArray(), clock);
    }

    @PostMapping(path = "/sandbox/tsa/v1/timestamp", consumes = "application/timestamp-query",
            produces = "application/timestamp-reply")
    ResponseEntity<byte[]> timestamp(@RequestBody byte[] request) {
        try {
            return ResponseEntity.ok().contentType(REPLY).body(authority.respond(request));
        } catch (IllegalArgumentException notARequest) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("not an RFC 3161 time-stamp request".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
