package com.loanflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start with demo users, default/weak secrets, or the channel keys bundled in the
 * jar. Tests that run the mysql
 * profile against throw-away services opt out with loanflow.safety.allow-test-defaults=true.
 */
@Component
class ProductionSafety {

    /** The workers' development bureau-cache key (WorkersProperties.BureauCache.DEV_CACHE_KEY). */
    static final String DEV_BUREAU_CACHE_KEY = "bG9hbmZsb3ctZGV2LW9ubHktYnVyZWF1LWNhY2hlLWtleQ==";

    private static final Set<String> KNOWN_DEFAULTS = Set.of("", "admin", "password", "changeme", "loanflow",
            "loanflow-worker", "sandbox-internal-token", "guest", "root", "loanflow-sandbox", "loanflow-sandbox-tsa");

    ProductionSafety(Environment environment) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the production profile: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (!env.acceptsProfiles(Profiles.of("mysql"))
                || env.getProperty("loanflow.safety.allow-test-defaults", Boolean.class, false)) {
            return problems;
        }
        if (env.getProperty("loanflow.demo-users.enabled", Boolean.class, false)) {
            problems.add("demo users are enabled (loanflow.demo-users.enabled)");
        }
        weak(env, "camunda.bpm.admin-user.password", 12, problems);
        weak(env, "loanflow.engine.password", 16, problems);
        weak(env, "loanflow.internal.token", 24, problems);
        weak(env, "spring.datasource.password", 8, problems);
        weak(env, "spring.rabbitmq.password", 8, problems);
        // the platform seal's keystore (contracts are sealed with it) and, with the sandbox on, the sandbox TSA's
        weak(env, "loanflow.esign.keystore-password", 12, problems);
        if (env.getProperty("loanflow.sandbox.enabled", Boolean.class, false)) {
            weak(env, "loanflow.sandbox.tsa.keystore-password", 12, problems);
        }
        // one business day: the scheduled jobs fire in the lender's zone (loanflow.reminders.zone), while due dates,
        // accrual days and "today" come from the platform's clock, which is the JVM's zone; they must be the same day
        String businessZone = env.getProperty("loanflow.reminders.zone", "Asia/Shanghai");
        String platformZone = env.getProperty("loanflow.safety.platform-zone", java.time.ZoneId.systemDefault().getId());
        try {
            if (!java.time.ZoneId.of(platformZone).getRules().equals(java.time.ZoneId.of(businessZone).getRules())) {
                problems.add("the platform's time zone " + platformZone + " is not the lender's business zone "
                        + businessZone + " (loanflow.reminders.zone): set TZ or -Duser.timezone to it");
            }
        } catch (java.time.DateTimeException unknownZone) {
            problems.add("loanflow.reminders.zone " + businessZone + " is not a time zone");
        }
        // payment callbacks and the sandbox providers are kept off the public port only when the internal one is apart
        String internalPort = env.getProperty("loanflow.internal-port", "");
        if (internalPort.isBlank() || internalPort.equals(env.getProperty("server.port", "8080"))) {
            problems.add("loanflow.internal-port (LOANFLOW_INTERNAL_PORT) must be set and differ from server.port");
        }
        // the sandbox keys ship inside the jar, private halves included: anyone could sign a "payment succeeded"
        // callback or a merchant request with them
        bundled(env, "loanflow.channel.public-key-resource", problems);
        bundled(env, "loanflow.channel.merchant-private-key-resource", problems);
        if (env.getProperty("loanflow.sandbox.enabled", Boolean.class, false)) {
            bundled(env, "loanflow.sandbox.channel.private-key-resource", problems);
            bundled(env, "loanflow.sandbox.channel.merchant-public-key-resource", problems);
        }
        if (env.getProperty("loanflow.workers.in-process", Boolean.class, false)
                && env.getProperty("loanflow.workers.bureau-cache.enabled", Boolean.class, true)) {
            String cacheKey = env.getProperty("loanflow.workers.bureau-cache.key", DEV_BUREAU_CACHE_KEY);
            if (cacheKey.isBlank() || cacheKey.equals(DEV_BUREAU_CACHE_KEY)) {
                problems.add("loanflow.workers.bureau-cache.key (LOANFLOW_BUREAU_CACHE_KEY) is the development key");
            }
        }
        return problems;
    }

    private static void bundled(Environment env, String property, List<String> problems) {
        String location = env.getProperty(property, "");
        if (location.isBlank() || com.loanflow.shared.Pem.isBundled(location)) {
            problems.add(property + " is a key bundled in the jar; give this deployment's own (file:/path.pem)");
        }
    }

    private static void weak(Environment env, String property, int minLength, List<String> problems) {
        String value = env.getProperty(property, "");
        if (KNOWN_DEFAULTS.contains(value.toLowerCase()) || value.length() < minLength) {
            problems.add(property + " is a default or shorter than " + minLength + " characters");
        }
    }
}
