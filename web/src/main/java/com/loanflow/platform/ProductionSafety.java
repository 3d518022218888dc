package com.loanflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start with demo users or default/weak secrets. Tests that run the mysql
 * profile against throw-away services opt out with loanflow.safety.allow-test-defaults=true.
 */
@Component
class ProductionSafety {

    private static final Set<String> KNOWN_DEFAULTS = Set.of("", "admin", "password", "changeme", "loanflow",
            "loanflow-worker", "sandbox-internal-token", "guest", "root");

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
        return problems;
    }

    private static void weak(Environment env, String property, int minLength, List<String> problems) {
        String value = env.getProperty(property, "");
        if (KNOWN_DEFAULTS.contains(value.toLowerCase()) || value.length() < minLength) {
            problems.add(property + " is a default or shorter than " + minLength + " characters");
        }
    }
}
