package com.loanflow.borrower;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Login lockout after repeated wrong passwords, and a password change ending every session. */
@PlatformTest
class SessionSecurityTest {

    static final String BASE = "http://localhost:18080";
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    Answer call(String method, String path, Object body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : json.readTree(response.body()));
    }

    String register() throws Exception {
        String phone = "136" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Answer registered = call("POST", "/api/v1/borrowers", Map.of("phone", phone, "password", "Passw0rd!7",
                "consents", List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                        Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                        Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                        Map.of("type", "FACE_RECOGNITION", "version", "1.0"))), null);
        assertThat(registered.status()).isEqualTo(201);
        return phone;
    }

    String login(String phone, String password) throws Exception {
        Answer session = call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", password), null);
        assertThat(session.status()).as(String.valueOf(session.body())).isEqualTo(200);
        return session.body().path("token").asText();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String phone = register();
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "wrong-" + i), null)
                    .status()).isEqualTo(401);
        }
        Answer locked = call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "Passw0rd!7"), null);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.body().path("code").asText()).isEqualTo("ACCOUNT_TEMPORARILY_LOCKED");
    }

    @Test
    void changingThePasswordEndsEverySessionOfTheBorrower() throws Exception {
        String phone = register();
        String phoneSession = login(phone, "Passw0rd!7");
        String webSession = login(phone, "Passw0rd!7");

        Answer wrongCurrent = call("PUT", "/api/v1/borrowers/me/password",
                Map.of("currentPassword", "not-it-1", "newPassword", "N3w-secret-pass"), phoneSession);
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.body().path("fieldErrors").get(0).path("field").asText()).isEqualTo("currentPassword");
        assertThat(call("GET", "/api/v1/borrowers/me", null, webSession).status()).isEqualTo(200);

        assertThat(call("PUT", "/api/v1/borrowers/me/password",
                Map.of("currentPassword", "Passw0rd!7", "newPassword", "N3w-secret-pass"), phoneSession).status())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/borrowers/me", null, phoneSession).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/borrowers/me", null, webSession).status()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "Passw0rd!7"), null).status())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/borrowers/me", null, login(phone, "N3w-secret-pass")).status())
                .isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @Test
    void withRedisFailingThePasswordChangeRollsBackAndNoSessionOutlivesANewPassword() throws Exception {
        String phone = register();
        String stolen = login(phone, "Passw0rd!7");
        String borrowerId = redis.opsForValue().get("loanflow:session:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(stolen.getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII))));
        assertThat(borrowerId).isNotNull();
        // Redis fails as the sessions are ended (the index key holds the wrong type): 503, the password unchanged
        String index = "loanflow:sessions-of:" + borrowerId;
        var sessions = redis.opsForSet().members(index);
        redis.delete(index);
        redis.opsForValue().set(index, "broken");
        Answer unavailable = call("PUT", "/api/v1/borrowers/me/password",
                Map.of("currentPassword", "Passw0rd!7", "newPassword", "N3w-secret-pass"), stolen);
        assertThat(unavailable.status()).as(String.valueOf(unavailable.body())).isEqualTo(503);
        assertThat(unavailable.body().path("code").asText()).isEqualTo("TRY_AGAIN_LATER");
        assertThat(call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "N3w-secret-pass"), null)
                .status()).as("the new password was not stored").isEqualTo(401);
        redis.delete(index);
        redis.opsForSet().add(index, sessions.toArray(String[]::new));

        assertThat(call("PUT", "/api/v1/borrowers/me/password",
                Map.of("currentPassword", "Passw0rd!7", "newPassword", "N3w-secret-pass"), stolen).status())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/borrowers/me", null, stolen).status()).isEqualTo(401);
    }

    @Test
    void parallelGuessesCannotAllSlipInBeforeTheLockout() throws Exception {
        String phone = register();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "wrong-" + i;
                guesses.add(pool.submit(() -> call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", guess),
                        null).status()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var guess : guesses) {
                statuses.add(guess.get());
            }
            assertThat(statuses).as("at most five passwords checked").filteredOn(s -> s == 401).hasSizeLessThanOrEqualTo(5);
            assertThat(statuses).filteredOn(s -> s == 423).hasSizeGreaterThanOrEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
        assertThat(call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "Passw0rd!7"), null).status())
                .isEqualTo(423);
    }

    @Test
    void guessesOfTheCurrentPasswordCountWithLoginAttempts() throws Exception {
        String phone = register();
        String session = login(phone, "Passw0rd!7");
        for (int i = 0; i < 5; i++) {
            assertThat(call("PUT", "/api/v1/borrowers/me/password",
                    Map.of("currentPassword", "guess-" + i + "x", "newPassword", "N3w-secret-pass"), session).status())
                    .isEqualTo(400);
        }
        Answer locked = call("PUT", "/api/v1/borrowers/me/password",
                Map.of("currentPassword", "Passw0rd!7", "newPassword", "N3w-secret-pass"), session);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "Passw0rd!7"), null).status())
                .as("and the login with it").isEqualTo(423);
    }

    @Test
    void theRightPasswordEndsTheSeriesSoTheBorrowerIsNotLockedOutByOldMistakes() throws Exception {
        String phone = register();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(call("POST", "/api/v1/sessions", Map.of("phone", phone, "password", "wrong-" + i), null)
                        .status()).isEqualTo(401);
            }
            login(phone, "Passw0rd!7");
        }
    }
}
