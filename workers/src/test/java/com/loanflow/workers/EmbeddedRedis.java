package com.loanflow.workers;

import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/** A real Redis server (embedded-redis) on a free loopback port, for the tests of what the workers keep in Redis. */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    public final LettuceConnectionFactory connections;

    private EmbeddedRedis(RedisServer server, LettuceConnectionFactory connections) {
        this.server = server;
        this.connections = connections;
    }

    public static EmbeddedRedis start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", port);
        connections.afterPropertiesSet();
        connections.start();
        return new EmbeddedRedis(server, connections);
    }

    @Override
    public void close() throws IOException {
        connections.destroy();
        server.stop();
    }
}
