package com.loanflow.shared.crypto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code rotate-data-key}: a small process beside the running platform (database and keys only; no engine, no web
 * server), same configuration and profiles as the platform. Run from the platform's jar:
 * {@code java -Dloader.main=com.loanflow.shared.crypto.DataKeyRotationCommand -cp web.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher --spring.profiles.active=mysql}.
 * Exit code 0: every value is on the new version and older versions are retired; 3: some values remain.
 * Not annotated as a component so the platform's own scan leaves it alone.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import(CryptoConfiguration.class)
public class DataKeyRotationCommand {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = start(args);
        RotationReport report = context.getBean(DataKeyRotation.class).rotate();
        System.out.println("rotate-data-key: " + report);
        System.exit(SpringApplication.exit(context, () -> report.remaining() == 0 ? 0 : 3));
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(DataKeyRotationCommand.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
