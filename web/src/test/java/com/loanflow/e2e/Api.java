package com.loanflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A tiny HTTP client for the end-to-end tests: real requests against the running platform. */
final class Api {

    record Response(int status, JsonNode json, byte[] body, java.net.http.HttpHeaders headers) {
        String text(String field) {
            return json.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** Engine REST with HTTP basic auth, as Tasklist does for a logged-in reviewer. */
    Response engine(String method, String path, String user, Object body) {
        return basic(method, "/engine-rest" + path, user, body);
    }

    /** A request with a staff user's basic credentials (password = user name for the demo users). */
    Response basic(String method, String path, String user, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body)));
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && response.body().length > 0) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), json, response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
