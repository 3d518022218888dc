package com.loanflow.workers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The standalone workers log through the personal-data masker, as the platform does: their configuration file names
 * the masking logback configuration, and a card or phone number in a message or an exception comes out masked.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkersLoggingTest {

    @Test
    void theStandaloneWorkersMaskNumbersInMessagesAndStackTraces(CapturedOutput output) throws Exception {
        MockEnvironment env = new MockEnvironment();
        new YamlPropertySourceLoader().load("workers", new ClassPathResource("workers.yml"))
                .forEach(source -> env.getPropertySources().addFirst(source));
        String config = env.getProperty("logging.config");
        assertThat(config).isNotNull();
        LogbackLoggingSystem logging = new LogbackLoggingSystem(getClass().getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(env), config, null);

        LoggerFactory.getLogger("com.loanflow.workers.payment.SendPayoutHandler").error(
                "channel said: card 6217000000000006, phone 13812345678",
                new IllegalStateException("refused 6217000000000006"));

        assertThat(output.getAll()).contains("channel said: card ****0006, phone 138****5678")
                .contains("refused ****0006").doesNotContain("6217000000000006").doesNotContain("13812345678");
    }
}
