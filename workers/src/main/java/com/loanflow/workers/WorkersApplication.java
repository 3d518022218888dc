package com.loanflow.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The workers as their own process (production). Its configuration file is {@code workers.yml}: this jar is also a
 * library of the platform, where an {@code application.yml} of ours would shadow the platform's. It refuses to start
 * with the development keys bundled in the jar unless told it runs against a development platform
 * (LOANFLOW_WORKERS_DEVELOPMENT_KEYS=true).
 */
@SpringBootApplication
public class WorkersApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(WorkersApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "workers"));
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            List<String> problems = developmentKeys(event.getEnvironment());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Refusing to start the workers: " + String.join("; ", problems)
                        + " (LOANFLOW_WORKERS_DEVELOPMENT_KEYS=true against a development platform only)");
            }
        });
        app.run(args);
    }

    /** A file holding the sandbox merchant key bundled in the jar: as public as the original. */
    private static boolean isCopyOfBundledKey(String location) {
        try {
            String strip = "-----(BEGIN|END)[A-Z ]+-----|\\s";
            return com.loanflow.workers.payment.MerchantSigner.classpath(location).replaceAll(strip, "").equals(
                    com.loanflow.workers.payment.MerchantSigner.classpath("sandbox/keys/merchant-private.pem")
                            .replaceAll(strip, ""));
        } catch (RuntimeException unreadable) {
            return false; // the signer's own start fails on it, naming the file
        }
    }

    /** What a production worker must not run with: keys anyone can read in the jar. */
    static List<String> developmentKeys(Environment env) {
        List<String> problems = new ArrayList<>();
        if (env.getProperty("loanflow.workers.development-keys", Boolean.class, false)) {
            return problems;
        }
        String merchantKey = env.getProperty("loanflow.channel.merchant-private-key-resource", "");
        if (!merchantKey.startsWith("file:") || isCopyOfBundledKey(merchantKey)) {
            problems.add("the merchant signing key is the sandbox key bundled in the jar (LOANFLOW_MERCHANT_KEY_RESOURCE"
                    + "=file:/path.pem)");
        }
        if (env.getProperty("loanflow.workers.bureau-cache.enabled", Boolean.class, true)
                && WorkersProperties.BureauCache.DEV_CACHE_KEY.equals(
                env.getProperty("loanflow.workers.bureau-cache.key", WorkersProperties.BureauCache.DEV_CACHE_KEY))) {
            problems.add("the bureau cache key is the development key (LOANFLOW_BUREAU_CACHE_KEY)");
        }
        return problems;
    }
}
