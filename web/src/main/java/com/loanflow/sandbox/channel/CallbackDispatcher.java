package com.loanflow.sandbox.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the channel's signed result to the merchant's notify URL after a delay, and again with backoff until
 * the merchant answers 2xx — as real channels do, which is why the platform must treat callbacks idempotently.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int MAX_DELIVERIES = 10;

    /** One delivery attempt as the sandbox's delivery log shows it (like a provider's webhook dashboard). */
    record Delivery(String status, int httpStatus, String merchantAnswer) {
    }

    private final Map<String, java.util.List<Delivery>> deliveries = new java.util.concurrent.ConcurrentHashMap<>();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sandbox-channel-callback");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final PrivateKey channelKey;
    private final Duration delay;
    private final Clock clock;

    CallbackDispatcher(ObjectMapper json, Clock clock,
                       @Value("${loanflow.sandbox.channel.private-key-resource}") String channelKey,
                       @Value("${loanflow.sandbox.channel.callback-delay:PT1S}") Duration delay) {
        this.json = json;
        this.clock = clock;
        this.channelKey = Pem.privateKey(Pem.load(channelKey));
        this.delay = delay;
    }

    /** Scheduled after the acceptance commits, so a callback never describes a payout the channel did not keep. */
    void schedule(SandboxPayout payout) {
        int copies = payout.behaviour() == SandboxPayout.Behaviour.SUCCEED_CALLBACK_TRIPLICATED ? 3 : 1;
        Runnable start = () -> {
            for (int copy = 0; copy < copies; copy++) {
                scheduler.schedule(() -> deliver(payout, payout.result(), 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start.run();
                }
            });
        } else {
            start.run();
        }
    }

    java.util.List<Delivery> deliveries(String requestId) {
        return java.util.List.copyOf(deliveries.getOrDefault(requestId, java.util.List.of()));
    }

    private void deliver(SandboxPayout payout, Map<String, Object> result, int delivery) {
        if (payout.behaviour() == SandboxPayout.Behaviour.SUCCEED_CALLBACK_LOST) {
            log.info("Sandbox channel loses the callback for {} (test card behaviour)", payout.requestId());
            return;
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>(result);
        body.put("timestamp", clock.instant().toString());
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(payout.notifyUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Signature", Pem.sign(channelKey, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            deliveries.computeIfAbsent(payout.requestId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(new Delivery(String.valueOf(result.get("status")), response.statusCode(), response.body()));
            if (response.statusCode() / 100 == 2) {
                log.info("Sandbox channel delivered {} callback for {} (delivery {})", result.get("status"),
                        payout.requestId(), delivery);
                if (payout.behaviour() == SandboxPayout.Behaviour.SUCCEED_THEN_STALE_PROCESSING
                        && !"PROCESSING".equals(result.get("status"))) {
                    // a stale intermediate status overtaken by the result arrives after it (test card behaviour)
                    scheduler.schedule(() -> deliver(payout, payout.processing(), 1), delay.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
                return;
            }
            log.info("Merchant answered {} to callback for {}; will retry", response.statusCode(), payout.requestId());
        } catch (Exception e) {
            log.info("Callback for {} not delivered: {}", payout.requestId(), e.toString());
        }
        if (delivery < MAX_DELIVERIES) {
            long backoff = Math.min(30_000, 500L << Math.min(delivery, 6));
            scheduler.schedule(() -> deliver(payout, result, delivery + 1), backoff, TimeUnit.MILLISECONDS);
        }
    }
}
