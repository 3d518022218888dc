package com.loanflow.contract;

import com.loanflow.contract.template.ContractRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ContractConfiguration {

    @Bean
    ContractRenderer contractRenderer() {
        return ContractRenderer.loadDefault();
    }
}
