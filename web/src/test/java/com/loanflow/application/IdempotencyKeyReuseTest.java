package com.loanflow.application;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A repeated Idempotency-Key returns the first application only for the same request; a different amount, term,
 * card or purpose under the same key is a client bug (or a replay) and gets 409, never the first application's 202.
 */
class IdempotencyKeyReuseTest extends RunningPlatform {

    @Test
    void theSameKeyWithAnotherCardOrPurposeIsAConflictNotTheFirstApplication() {
        PlatformHttp http = http();
        String token = http.onboard(PlatformHttp.beijingPhone(), PlatformHttp.beijingIdNumber());
        Map<String, String> headers = new HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "reuse-" + UUID.randomUUID());
        Map<String, Object> first = Map.of("amount", "800.00", "termMonths", 3, "bankCardNumber", "6222020000000056",
                "purpose", "CONSUMPTION");
        assertThat(http.send("POST", "/api/v1/applications", headers, first).status()).isEqualTo(202);
        int applications = count("SELECT COUNT(*) FROM loan_application a JOIN borrower b ON b.id = a.borrower_id"
                + " WHERE a.idempotency_key = ?", headers.get("Idempotency-Key"));

        assertThat(http.send("POST", "/api/v1/applications", headers, first).status()).as("the same request again")
                .isEqualTo(202);
        for (Map<String, Object> changed : new Map[] {with(first, "bankCardNumber", "6222020000000007"),
                with(first, "purpose", "TRAVEL"), with(first, "amount", "900.00"), with(first, "termMonths", 6)}) {
            var answer = http.send("POST", "/api/v1/applications", headers, changed);
            assertThat(answer.status()).as(changed.toString()).isEqualTo(409);
            assertThat(answer.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE idempotency_key = ?",
                headers.get("Idempotency-Key"))).isEqualTo(applications).isEqualTo(1);
    }

    private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(request);
        changed.put(field, value);
        return changed;
    }
}
