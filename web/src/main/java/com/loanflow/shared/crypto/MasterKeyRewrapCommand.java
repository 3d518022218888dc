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
 * {@code rewrap-master-key}: moves every wrapped key to the current master key (database and keys only, no engine,
 * no web server), with the platform's configuration: {@code loanflow.crypto.master-key.label} names the new key,
 * {@code previous-labels} the old one(s). Run from the platform's jar:
 * {@code java -Dloader.main=com.loanflow.shared.crypto.MasterKeyRewrapCommand -cp web.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher --spring.profiles.active=mysql}.
 * Exit code 0: nothing is wrapped by an old key any more; 3: some rows remain (run it again).
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import(CryptoConfiguration.class)
public class MasterKeyRewrapCommand {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = start(args);
        MasterKeyRewrap.Report report = context.getBean(MasterKeyRewrap.class).rewrap();
        System.out.println("rewrap-master-key: " + report);
        System.exit(SpringApplication.exit(context, () -> report.remaining() == 0 ? 0 : 3));
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(MasterKeyRewrapCommand.class).web(WebApplicationType.NONE).run(args);
    }
}
