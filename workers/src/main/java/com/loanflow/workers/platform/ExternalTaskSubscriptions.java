package com.loanflow.workers.platform;

import com.loanflow.workers.WorkersProperties;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens one subscription per topic handler. Started on ApplicationReadyEvent because, in-process, the engine's REST
 * API only answers once the platform is up; stopped when the context closes, before the web server goes away.
 */
@Component
@ConditionalOnProperty(name = "loanflow.workers.enabled", havingValue = "true", matchIfMissing = true)
class ExternalTaskSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskSubscriptions.class);
    private static final long LONG_POLL_MILLIS = 10_000;

    private final WorkersProperties properties;
    private final List<TopicHandler> handlers;
    private final ApplicationContext context;
    private ExternalTaskClient client;

    ExternalTaskSubscriptions(WorkersProperties properties, List<TopicHandler> handlers, ApplicationContext context) {
        this.properties = properties;
        this.handlers = handlers;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (client != null) {
            return;
        }
        WorkersProperties.Engine engine = properties.engine();
        if (engine.password() == null || engine.password().startsWith("${")) {
            throw new IllegalStateException("loanflow.engine.password is not set");
        }
        client = ExternalTaskClient.create()
                .baseUrl(engine.baseUrl())
                .addInterceptor(new BasicAuthProvider(engine.username(), engine.password()))
                .workerId(properties.workers().workerId())
                // one task at a time: the client works its tasks one after another on one thread, so a batch of
                // ten would have the last ones' locks running out while they wait (and another worker take them)
                .maxTasks(1)
                .asyncResponseTimeout(LONG_POLL_MILLIS)
                // Long polling already waits for work, so no back-off after an empty fetch (the default strategy
                // would idle up to a minute after a quiet period); but after a failed fetch (engine restarting,
                // credentials refused) wait 0.5 s, doubling to 30 s, instead of hammering the engine in a loop
                .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2f, 30_000))
                .disableAutoFetching()
                .build();
        for (TopicHandler handler : handlers) {
            client.subscribe(properties.workers().topicPrefix() + handler.topic())
                    .lockDuration(properties.workers().lockDuration().toMillis())
                    .handler(handler)
                    .open();
        }
        client.start();
        log.info("External task workers ({}) subscribed to {} at {}", properties.workers().workerId(),
                handlers.stream().map(h -> properties.workers().topicPrefix() + h.topic()).toList(), engine.baseUrl());
    }

    @EventListener
    void onClose(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) { // a closing child context is not ours to stop for
            stop();
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }
}
