package com.loanflow.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running platform on port 18080 with in-process workers and fast sandbox timings. Every test class that needs
 * the whole platform uses exactly this, so they share one Spring context (one engine, one embedded Redis/broker).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// metrics are exported as in production (tests switch exporters off by default): MetricsTest scrapes them
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=18080", "loanflow.workers.retry-backoff=PT1S",
                // three attempts 1 s and 2 s apart: the suite reaches an incident in seconds (production: 6, from 5 s)
                "loanflow.workers.max-retries=3",
                "logging.file.name=target/e2e-platform.log", "loanflow.safety.allow-test-defaults=true",
                "server.ssl.enabled=false", "loanflow.internal-port=18080",
                // every test client is 127.0.0.1: per-IP limits sized for the suite, not for one phone
                "loanflow.rate-limit.per-ip.login=300", "loanflow.rate-limit.per-ip.registration=300",
                "loanflow.channel.status-query-after=PT3S", "loanflow.channel.status-query-interval=PT1S",
                "loanflow.sandbox.channel.callback-delay=PT0.3S",
                // reminders are sent by RepaymentRemindersTest for its own loan and day, never by the clock
                "loanflow.reminders.cron=-",
                // closed accounts are erased by AccountClosureTest for its own borrowers and days, never by the clock
                "loanflow.retention.erasure-cron=-",
                // photos without a face authorization are deleted by FacePhotoRetentionTest's own runs only
                "loanflow.privacy.face-erasure-cron=-",
                // as behind a load balancer: X-Forwarded-For from this address names the client (consent evidence)
                "loanflow.device.trusted-proxies=127.0.0.1"})
public @interface PlatformTest {
}
