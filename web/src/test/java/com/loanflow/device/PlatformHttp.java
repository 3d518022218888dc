package com.loanflow.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.ChineseIdNumber;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Real HTTP against the running platform for the device and blacklist platform tests. */
public final class PlatformHttp {

    public record Response(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public PlatformHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response send(String method, String path, Map<String, String> headers, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
            headers.forEach(request::header);
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public static Map<String, String> basic(String user) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Registers, logs in and submits the identity of a new borrower; returns the session token. */
    public String onboard(String phone, String idNumber) {
        return onboard(phone, idNumber, "测试");
    }

    /** The same, with an ID card photo showing {@code cardName} where the borrower says 测试. */
    public String onboard(String phone, String idNumber, String cardName) {
        List<Map<String, String>> consents = List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                Map.of("type", "FACE_RECOGNITION", "version", "1.0"));
        Response registered = send("POST", "/api/v1/borrowers", Map.of(),
                Map.of("phone", phone, "password", "Passw0rd!x", "consents", consents));
        if (registered.status() != 201) {
            throw new IllegalStateException("registration: " + registered);
        }
        String token = send("POST", "/api/v1/sessions", Map.of(), Map.of("phone", phone, "password", "Passw0rd!x"))
                .json().path("token").asText();
        Response identity = send("PUT", "/api/v1/borrowers/me/identity", bearer(token), Map.of("name", "测试",
                "idNumber", idNumber,
                "idCardFrontImage", Base64.getEncoder().encodeToString(SandboxIdCard.renderFront(cardName, idNumber, "北京市")),
                "selfieImage", Base64.getEncoder().encodeToString(SandboxIdCard.renderSelfie(11))));
        if (identity.status() != 202) {
            throw new IllegalStateException("identity: " + identity);
        }
        return token;
    }

    /**
     * A 北京 ID number whose card, as {@link #onboard} draws it, this platform's OCR reads back exactly: for tests whose
     * application must get past the identity checks to the bureau. Tesseract misreads a few percent of generated cards
     * (ADR 0014), and the same image always reads the same way, so the card is read here once before it is used.
     */
    public static String readableBeijingIdNumber(com.loanflow.workers.identity.IdCardOcr ocr) {
        return readableBeijingIdNumber(ocr, "测试");
    }

    /** The same for a card showing {@code cardName}. */
    public static String readableBeijingIdNumber(com.loanflow.workers.identity.IdCardOcr ocr, String cardName) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String idNumber = beijingIdNumber();
            var read = ocr.read(SandboxIdCard.renderFront(cardName, idNumber, "北京市"));
            if (read.isPresent() && cardName.equals(read.get().name()) && idNumber.equalsIgnoreCase(read.get().idNumber())) {
                return idNumber;
            }
        }
        throw new IllegalStateException("no generated ID card was read back in 20 attempts");
    }

    /** A valid identity number of 北京 (region 110105) with a correct check digit. */
    public static String beijingIdNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format("110105%04d%02d%02d%03d", 1985 + r.nextInt(15), 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(990)); // sequence numbers 990-999 trigger sandbox outages
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    /** Where this JVM's numbers start: random, so runs against a kept database rarely meet earlier numbers. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PHONE =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    /**
     * A mobile number of segments 1380010-1380019 (北京 in the shipped table), clear of the documented sandbox numbers
     * (1380000xxxx, 139000000xx). Numbers follow each other within a run: random draws from 9,000 numbers met an
     * already registered one once in a while (PHONE_ALREADY_REGISTERED, a CI failure).
     */
    public static String beijingPhone() {
        return String.format("138001%05d", Math.floorMod(NEXT_PHONE.getAndIncrement(), 100_000));
    }
}
