package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyTest {

    static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("mysql");
        env.setProperty("camunda.bpm.admin-user.password", "V3ry-long-admin-secret");
        env.setProperty("loanflow.engine.password", "worker-secret-0123456789");
        env.setProperty("loanflow.internal.token", "internal-token-0123456789abcdef");
        env.setProperty("spring.datasource.password", "db-secret-123");
        env.setProperty("spring.rabbitmq.password", "mq-secret-123");
        return env;
    }

    @Test
    void startsWithStrongSecretsAndNoDemoUsers() {
        assertThat(ProductionSafety.problems(production())).isEmpty();
    }

    @Test
    void refusesDemoUsersAndDefaultPasswords() {
        MockEnvironment env = production();
        env.setProperty("loanflow.demo-users.enabled", "true");
        env.setProperty("camunda.bpm.admin-user.password", "admin");
        env.setProperty("loanflow.internal.token", "sandbox-internal-token");
        env.setProperty("spring.rabbitmq.password", "guest");
        assertThat(ProductionSafety.problems(env)).hasSize(4);
        assertThatThrownBy(() -> new ProductionSafety(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo users").hasMessageContaining("camunda.bpm.admin-user.password");
    }

    @Test
    void embeddedDefaultAndOptedOutTestsAreNotChecked() {
        MockEnvironment embedded = new MockEnvironment();
        embedded.setProperty("loanflow.demo-users.enabled", "true");
        assertThat(ProductionSafety.problems(embedded)).isEmpty();

        MockEnvironment integrationTest = production();
        integrationTest.setProperty("loanflow.demo-users.enabled", "true");
        integrationTest.setProperty("loanflow.safety.allow-test-defaults", "true");
        assertThat(ProductionSafety.problems(integrationTest)).isEmpty();
    }
}
