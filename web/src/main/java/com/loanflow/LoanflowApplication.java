package com.loanflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The platform: embedded Camunda engine + webapps + engine REST, the borrower API and persistence.
 * The workers are a separate application; on the embedded default they run in-process (see InProcessWorkersGate).
 */
@SpringBootApplication
@ComponentScan(basePackages = "com.loanflow",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.loanflow\\.workers\\..*"))
public class LoanflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoanflowApplication.class, args);
    }
}
