package com.loanflow.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import redis.embedded.RedisServer;

/**
 * Two platform nodes (each with its own Redis connection and filter) in front of one Redis: the login limit is
 * one shared count, a refused request never reaches the controller, and the answer is 429 with Retry-After.
 */
class SharedRateLimitTest {

    static RedisServer redisServer;
    static int redisPort;
    static LettuceConnectionFactory nodeAConnection;
    static LettuceConnectionFactory nodeBConnection;

    final AtomicInteger logins = new AtomicInteger();
    MockMvc nodeA;
    MockMvc nodeB;

    @RestController
    class FakeSessions {
        @PostMapping("/api/v1/sessions")
        String login() {
            logins.incrementAndGet();
            return "{}";
        }

        @PostMapping("/api/v1/applications")
        String apply() {
            applications.incrementAndGet();
            return "{}";
        }
    }

    final AtomicInteger applications = new AtomicInteger();
    /** Live sessions as SessionTokens would resolve them: two tokens of one borrower, one of another. */
    final Map<String, String> sessions = Map.of("token-one-of-b1-xxxxxxxx", "b1", "token-two-of-b1-xxxxxxxx", "b1",
            "token-of-b2-xxxxxxxxxxxxx", "b2");

    @BeforeAll
    static void startRedis() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redisServer = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
        redisServer.start();
        nodeAConnection = connect();
        nodeBConnection = connect();
    }

    static LettuceConnectionFactory connect() {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @AfterAll
    static void stopRedis() throws Exception {
        nodeAConnection.destroy();
        nodeBConnection.destroy();
        redisServer.stop();
    }

    @BeforeEach
    void nodes() {
        new StringRedisTemplate(nodeAConnection).getConnectionFactory().getConnection().serverCommands().flushAll();
        var properties = new RateLimitProperties(true, Duration.ofMinutes(1), Map.of(EndpointClass.LOGIN, 5), Map.of());
        nodeA = node(nodeAConnection, properties);
        nodeB = node(nodeBConnection, properties);
    }

    MockMvc node(LettuceConnectionFactory connection, RateLimitProperties properties) {
        var filter = new RateLimitFilter(new RedisRateLimiter(new StringRedisTemplate(connection)), properties,
                token -> java.util.Optional.ofNullable(sessions.get(token)),
                new com.loanflow.device.ClientIps("10.0.0.2")::of);
        return MockMvcBuilders.standaloneSetup(new FakeSessions()).addFilters(filter).build();
    }

    @Test
    void loginLimitIsSharedByTwoNodesAndRefusedRequestsChangeNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            nodeA.perform(post("/api/v1/sessions").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                    .andExpect(status().isOk());
        }
        for (int i = 0; i < 2; i++) {
            nodeB.perform(post("/api/v1/sessions").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                    .andExpect(status().isOk());
        }
        nodeB.perform(post("/api/v1/sessions").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        nodeA.perform(post("/api/v1/sessions").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests());
        assertThat(logins).as("refused requests never reached the controller").hasValue(5);

        nodeA.perform(post("/api/v1/sessions").with(r -> { r.setRemoteAddr("198.51.100.9"); return r; }))
                .andExpect(status().isOk());
        assertThat(logins).as("another client has its own count").hasValue(6);
    }

    @Test
    void anEncodedOrParameterisedPathIsCountedLikeThePlainOne() throws Exception {
        // each reaches the login handler; before, the raw URI did not start with /api/ and the filter stepped aside
        for (String path : new String[] {"/api/v1/sessions", "/%61pi/v1/sessions", "/api;x=1/v1/sessions",
                "/api/v1/%73essions", "/api;jsessionid=1/v1/sessions"}) {
            nodeA.perform(post(java.net.URI.create(path)).with(r -> { r.setRemoteAddr("203.0.113.8"); return r; }))
                    .andExpect(status().isOk());
        }
        for (String path : new String[] {"/%61pi/v1/sessions", "/api;x=1/v1/sessions", "/%61pi;y=2/v1/sessions"}) {
            nodeA.perform(post(java.net.URI.create(path)).with(r -> { r.setRemoteAddr("203.0.113.8"); return r; }))
                    .andExpect(status().isTooManyRequests());
        }
        assertThat(logins).hasValue(5);
    }

    @Test
    void behindTheTrustedProxyEachForwardedClientHasItsOwnCount() throws Exception {
        for (int i = 0; i < 5; i++) {
            nodeA.perform(post("/api/v1/sessions").header("X-Forwarded-For", "198.51.100.1")
                    .with(r -> { r.setRemoteAddr("10.0.0.2"); return r; })).andExpect(status().isOk());
        }
        nodeA.perform(post("/api/v1/sessions").header("X-Forwarded-For", "198.51.100.1")
                .with(r -> { r.setRemoteAddr("10.0.0.2"); return r; })).andExpect(status().isTooManyRequests());
        // another client through the same proxy is not refused with the first
        nodeA.perform(post("/api/v1/sessions").header("X-Forwarded-For", "198.51.100.2")
                .with(r -> { r.setRemoteAddr("10.0.0.2"); return r; })).andExpect(status().isOk());
        // a client that is not the proxy cannot pick a fresh count by forging the header
        for (int i = 0; i < 5; i++) {
            nodeA.perform(post("/api/v1/sessions").header("X-Forwarded-For", "192.0.2." + i)
                    .with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })).andExpect(status().isOk());
        }
        nodeA.perform(post("/api/v1/sessions").header("X-Forwarded-For", "192.0.2.99")
                .with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })).andExpect(status().isTooManyRequests());
    }

    @Test
    void aBorrowerIsCountedOnceAcrossFreshSessionTokens() throws Exception {
        var properties = new RateLimitProperties(true, Duration.ofMinutes(1), Map.of(),
                Map.of(EndpointClass.APPLICATION, 2));
        MockMvc node = node(nodeAConnection, properties);
        node.perform(post("/api/v1/applications").header("Authorization", "Bearer token-one-of-b1-xxxxxxxx"))
                .andExpect(status().isOk());
        node.perform(post("/api/v1/applications").header("Authorization", "Bearer token-two-of-b1-xxxxxxxx"))
                .andExpect(status().isOk());
        // the second token (a fresh login) shared the first one's count: both are refused now
        node.perform(post("/api/v1/applications").header("Authorization", "Bearer token-one-of-b1-xxxxxxxx"))
                .andExpect(status().isTooManyRequests());
        node.perform(post("/api/v1/applications").header("Authorization", "Bearer token-two-of-b1-xxxxxxxx"))
                .andExpect(status().isTooManyRequests());
        node.perform(post("/api/v1/applications").header("Authorization", "Bearer token-of-b2-xxxxxxxxxxxxx"))
                .andExpect(status().isOk());
        assertThat(applications).hasValue(3);
    }

    @Test
    void retryAfterIsTheTimeLeftInTheWindow() throws Exception {
        var limiter = new RedisRateLimiter(new StringRedisTemplate(nodeAConnection));
        limiter.acquire("rl:test", 1, Duration.ofSeconds(30));
        var refused = limiter.acquire("rl:test", 1, Duration.ofSeconds(30));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.count()).isEqualTo(2);
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    }

    @Test
    void keysHoldDigestsNotAddressesOrTokens() {
        String key = RateLimitFilter.key(EndpointClass.OTP, "caller", "Bearer secret-token");
        assertThat(key).startsWith("rl:otp:caller:").doesNotContain("secret");
    }
}
