package com.loanflow.workers;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The workers as their own process (production). Its configuration file is {@code workers.yml}: this jar is also a
 * library of the platform, where an {@code application.yml} of ours would shadow the platform's.
 */
@SpringBootApplication
public class WorkersApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(WorkersApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "workers"));
        app.run(args);
    }
}
