package com.loanflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.Pem;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "The channel never accepted this request" gives a withholding up, so only the channel's signed 404 naming the
 * request means it; a gateway's 404, an unsigned one, one signed by another key or naming another request proves
 * nothing (money the channel did take would otherwise never reach the loan).
 */
class ChannelStatusQueryClientTest {

    record Answer(int status, String body, String signature) {
    }

    /** The client's clock: its query carries this timestamp, and the channel's "unknown" answer echoes it. */
    static final String NOW = "2026-11-26T06:00:00Z";

    final PrivateKey channelKey = Pem.privateKey(Pem.classpath("sandbox/keys/channel-private.pem"));
    final PrivateKey otherKey = Pem.privateKey(Pem.classpath("sandbox/keys/merchant-private.pem"));
    final AtomicReference<Answer> next = new AtomicReference<>();
    HttpServer channel;
    ChannelStatusQueryClient client;

    @BeforeEach
    void channel() throws Exception {
        channel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        channel.createContext("/sandbox/channel/v1/payouts/query", exchange -> {
            Answer answer = next.get();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.signature() != null) {
                exchange.getResponseHeaders().add("X-Signature", answer.signature());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        channel.start();
        client = new ChannelStatusQueryClient(new ObjectMapper(), Clock.fixed(java.time.Instant.parse(NOW),
                java.time.ZoneOffset.UTC),
                "http://127.0.0.1:" + channel.getAddress().getPort(), "loanflow-sandbox-merchant",
                "sandbox/keys/merchant-private.pem", "sandbox/keys/channel-public.pem");
    }

    @AfterEach
    void stop() {
        channel.stop(0);
    }

    @Test
    void onlyTheChannelsSignedUnknownRequestNamingThisRequestMeansNeverAccepted() throws Exception {
        String unknown = "{\"code\":\"UNKNOWN_REQUEST\",\"requestId\":\"WH-1\",\"queryTimestamp\":\"" + NOW
                + "\",\"retryable\":false}";
        next.set(new Answer(404, unknown, sign(channelKey, unknown)));
        assertThat(client.answer("WH-1")).isEmpty();

        String earlier = unknown.replace(NOW, "2026-11-25T06:00:00Z");
        next.set(new Answer(404, earlier, sign(channelKey, earlier)));
        assertThatThrownBy(() -> client.answer("WH-1")).as("the channel's answer to an earlier query, replayed")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);

        next.set(new Answer(404, "<html>Not Found</html>", null));
        assertThatThrownBy(() -> client.answer("WH-1")).as("a gateway's page")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);
        next.set(new Answer(404, unknown, null));
        assertThatThrownBy(() -> client.answer("WH-1")).as("unsigned")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);
        next.set(new Answer(404, unknown, sign(otherKey, unknown)));
        assertThatThrownBy(() -> client.answer("WH-1")).as("signed by another key")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);
        assertThatThrownBy(() -> client.answer("WH-2")).as("another request's answer replayed")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);
        next.set(new Answer(404, unknown, sign(channelKey, unknown)));
        assertThatThrownBy(() -> client.answer("WH-2")).as("the channel's answer about another request")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);
        assertThat(client.finalAnswer("WH-2")).as("nothing final either").isEmpty();
    }

    @Test
    void aSignedFinalAnswerIsReadAndAnUnsignedOneIsNot() throws Exception {
        String succeeded = "{\"requestId\":\"WH-3\",\"status\":\"SUCCEEDED\",\"acceptedAt\":\"2026-11-25T10:00:00\","
                + "\"queryTimestamp\":\"" + NOW + "\"}";
        next.set(new Answer(200, succeeded, sign(channelKey, succeeded)));
        assertThat(client.finalAnswer("WH-3")).hasValueSatisfying(a ->
                assertThat(a.path("status").asText()).isEqualTo("SUCCEEDED"));
        next.set(new Answer(200, succeeded, null));
        assertThat(client.finalAnswer("WH-3")).isEmpty();
    }

    @Test
    void aSignedAnswerAboutAnotherRequestOrToAnotherQueryDecidesNothing() throws Exception {
        String succeeded = "{\"requestId\":\"WH-3\",\"status\":\"SUCCEEDED\",\"acceptedAt\":\"2026-11-25T10:00:00\","
                + "\"queryTimestamp\":\"" + NOW + "\"}";
        next.set(new Answer(200, succeeded, sign(channelKey, succeeded)));
        assertThat(client.finalAnswer("WH-4")).as("WH-3's success is not WH-4's").isEmpty();
        assertThatThrownBy(() -> client.answer("WH-4"))
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);

        String processingEarlier = "{\"requestId\":\"WH-3\",\"status\":\"PROCESSING\",\"queryTimestamp\":"
                + "\"2026-11-25T06:00:00Z\"}";
        next.set(new Answer(200, processingEarlier, sign(channelKey, processingEarlier)));
        assertThatThrownBy(() -> client.answer("WH-3")).as("an old 'not accepted yet', replayed after acceptance")
                .isInstanceOf(ChannelStatusQueryClient.UnverifiedAnswerException.class);

        String unbound = "{\"requestId\":\"WH-3\",\"status\":\"SUCCEEDED\"}";
        next.set(new Answer(200, unbound, sign(channelKey, unbound)));
        assertThat(client.finalAnswer("WH-3")).as("an answer bound to no query").isEmpty();
    }

    private static String sign(PrivateKey key, String body) {
        return Pem.sign(key, body.getBytes(StandardCharsets.UTF_8));
    }
}
