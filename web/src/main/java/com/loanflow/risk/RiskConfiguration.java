package com.loanflow.risk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RiskConfiguration {

    /** Rules, tables and model load once at start-up; the engine is thread-safe. */
    @Bean
    RiskEngine riskEngine() {
        return RiskEngine.loadDefault();
    }
}
