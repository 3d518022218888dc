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
        env.setProperty("loanflow.esign.keystore-password", "seal-keystore-secret");
        env.setProperty("loanflow.sandbox.tsa.keystore-password", "tsa-keystore-secret");
        env.setProperty("server.port", "8443");
        env.setProperty("loanflow.safety.platform-zone", "Asia/Shanghai"); // the JVM's zone, as TZ sets it in docker/
        env.setProperty("loanflow.internal-port", "8081");
        env.setProperty("loanflow.channel.public-key-resource", "file:/app/keys/channel-public.pem");
        env.setProperty("loanflow.channel.merchant-private-key-resource", "file:/app/keys/merchant-private.pem");
        env.setProperty("loanflow.sandbox.enabled", "true");
        env.setProperty("loanflow.sandbox.channel.private-key-resource", "file:/app/keys/channel-private.pem");
        env.setProperty("loanflow.sandbox.channel.merchant-public-key-resource", "file:/app/keys/merchant-public.pem");
        return env;
    }

    @Test
    void refusesAnInternalPortThatIsThePublicOne() {
        MockEnvironment env = production();
        env.setProperty("loanflow.internal-port", "8443");
        assertThat(ProductionSafety.problems(env)).singleElement().asString().startsWith("loanflow.internal-port");
    }

    @Test
    void refusesTheChannelKeysBundledInTheJarAndTheDevelopmentCacheKeyOfInProcessWorkers() {
        MockEnvironment env = production();
        env.setProperty("loanflow.channel.public-key-resource", "sandbox/keys/channel-public.pem");
        env.setProperty("loanflow.sandbox.channel.private-key-resource", "classpath:sandbox/keys/channel-private.pem");
        env.setProperty("loanflow.workers.in-process", "true");
        env.setProperty("loanflow.workers.bureau-cache.key", ProductionSafety.DEV_BUREAU_CACHE_KEY);
        assertThat(ProductionSafety.problems(env)).hasSize(3).anySatisfy(p -> assertThat(p)
                .startsWith("loanflow.channel.public-key-resource is a key bundled in the jar"));

        env.setProperty("loanflow.sandbox.enabled", "false");
        env.setProperty("loanflow.workers.bureau-cache.key", "c2VjcmV0LWNhY2hlLWtleS1vZi10aGlzLWRlcGxveW1lbnQ=");
        assertThat(ProductionSafety.problems(env)).as("the sandbox's own keys matter only with the sandbox on")
                .containsExactly("loanflow.channel.public-key-resource is a key bundled in the jar; give this"
                        + " deployment's own (file:/path.pem)");
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
    void refusesTheSandboxKeystorePasswordsForThePlatformSeal() {
        MockEnvironment env = production();
        env.setProperty("loanflow.esign.keystore-password", "loanflow-sandbox");
        env.setProperty("loanflow.sandbox.tsa.keystore-password", "loanflow-sandbox-tsa");
        assertThat(ProductionSafety.problems(env)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("loanflow.esign.keystore-password"))
                .anySatisfy(p -> assertThat(p).startsWith("loanflow.sandbox.tsa.keystore-password"));

        env.setProperty("loanflow.esign.keystore-password", "");
        env.setProperty("loanflow.sandbox.enabled", "false");
        assertThat(ProductionSafety.problems(env)).as("unset (the code's default is the sandbox's); the TSA's only"
                + " with the sandbox on").singleElement().asString().startsWith("loanflow.esign.keystore-password");
    }

    @Test
    void refusesAPlatformZoneThatIsNotTheLendersBusinessDay() {
        MockEnvironment env = production();
        env.setProperty("loanflow.safety.platform-zone", "UTC");
        assertThat(ProductionSafety.problems(env)).singleElement().asString().contains("is not the lender's business zone");
        env.setProperty("loanflow.safety.platform-zone", "Asia/Chongqing"); // another name, the same rules
        assertThat(ProductionSafety.problems(env)).isEmpty();
        env.setProperty("loanflow.reminders.zone", "Mars/Olympus");
        assertThat(ProductionSafety.problems(env)).singleElement().asString().contains("is not a time zone");
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
