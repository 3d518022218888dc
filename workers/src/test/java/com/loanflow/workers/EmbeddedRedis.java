package com.loanflow.workers;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server (embedded-redis) on a free loopback port, for the tests of what the workers keep in Redis.
 * Register it as {@code @RegisterExtension static final EmbeddedRedis redis = new EmbeddedRedis();}: it starts
 * before the class's first test and stops after its last.
 */
public final class EmbeddedRedis implements BeforeAllCallback, AfterAllCallback {

    private RedisServer server;
    private LettuceConnectionFactory connections;

    /** Connections to the running server; only between the class's first and last test. */
    public LettuceConnectionFactory connections() {
        if (connections == null) {
            throw new IllegalStateException("embedded Redis is not running: register it with @RegisterExtension");
        }
        return connections;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        connections = new LettuceConnectionFactory("127.0.0.1", port);
        connections.afterPropertiesSet();
        connections.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (connections != null) {
                connections.destroy();
            }
        } finally {
            connections = null;
            if (server != null) {
                server.stop();
            }
        }
    }
}
