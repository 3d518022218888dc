package com.loanflow.platform.embedded;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * Embedded default only: a real Redis server binary (embedded-redis) and an in-process AMQP 0-9-1 broker
 * (Apache Qpid Broker-J), so spring-data-redis and spring-amqp run the same code as against Redis and RabbitMQ.
 * The beans are created before any connection is opened (connection factories connect lazily).
 */
@Configuration
@ConditionalOnProperty(name = "loanflow.embedded-services.enabled", havingValue = "true")
class EmbeddedServices {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis(@Value("${spring.data.redis.port}") int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        log.info("Embedded Redis listening on 127.0.0.1:{}", port);
        return server;
    }

    @Bean(destroyMethod = "shutdown")
    SystemLauncher embeddedAmqpBroker(@Value("${spring.rabbitmq.port}") int port) throws Exception {
        SystemLauncher launcher = new SystemLauncher();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
                EmbeddedServices.class.getClassLoader().getResource("embedded/qpid-config.json").toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(port),
                "qpid.work_dir", System.getProperty("java.io.tmpdir") + "/loanflow-qpid-" + port));
        launcher.startup(attributes);
        log.info("Embedded AMQP broker (Qpid Broker-J) listening on 127.0.0.1:{}", port);
        return launcher;
    }
}
