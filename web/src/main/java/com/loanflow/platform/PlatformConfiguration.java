package com.loanflow.platform;

import com.loanflow.workers.InProcessWorkers;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** On the embedded default the workers run inside the platform and still talk to it only over HTTP. */
    @Configuration
    @ConditionalOnProperty(name = "loanflow.workers.in-process", havingValue = "true")
    @Import(InProcessWorkers.class)
    static class InProcessWorkersGate {
    }
}
