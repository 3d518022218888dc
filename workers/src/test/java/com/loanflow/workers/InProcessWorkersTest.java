package com.loanflow.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.workers.platform.TopicHandler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

class InProcessWorkersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(InProcessWorkers.class)
            .withPropertyValues("loanflow.internal.token=t", "loanflow.engine.password=p",
                    "loanflow.sandbox.enabled=true", "loanflow.workers.in-process=true"); // the platform's own keys

    @Test
    void registersOneHandlerPerTopicWithDefaultSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(TopicHandler.class).values()).extracting(TopicHandler::topic)
                    .containsExactlyInAnyOrder("ocr-id-card", "verify-id-two-factor", "verify-carrier-three-factor",
                            "check-liveness", "query-credit-bureau", "send-payout");
            WorkersProperties properties = context.getBean(WorkersProperties.class);
            assertThat(properties.workers().retryBackoff()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.workers().maxRetries()).isEqualTo(3);
            assertThat(properties.channel().merchantId()).isEqualTo("loanflow-sandbox-merchant");
            assertThat(context).hasBean("externalTaskSubscriptions");
        });
    }

    @Test
    void subscribesToNothingWhenWorkersAreDisabled() {
        runner.withPropertyValues("loanflow.workers.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("externalTaskSubscriptions"));
    }

    @Test
    void standaloneApplicationReadsWorkersYmlAndIsNotAWebServer() {
        SpringApplication app = new SpringApplication(WorkersApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "workers"));
        try (ConfigurableApplicationContext context = app.run("--loanflow.workers.enabled=false",
                "--LOANFLOW_INTERNAL_TOKEN=t", "--LOANFLOW_ENGINE_PASSWORD=p")) {
            assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("loanflow-workers");
            assertThat(context.getBean(WorkersProperties.class).engine().baseUrl())
                    .isEqualTo("http://localhost:8080/engine-rest");
            assertThat(context.getClass().getSimpleName()).doesNotContain("Web");
        }
    }
}
