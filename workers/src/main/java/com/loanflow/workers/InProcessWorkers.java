package com.loanflow.workers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Every worker bean, for both hosts: the standalone {@link WorkersApplication} and the platform on its embedded
 * default (which imports this class and keeps com.loanflow.workers out of its own component scan).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.loanflow.workers.platform", "com.loanflow.workers.identity",
        "com.loanflow.workers.bureau", "com.loanflow.workers.payment"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WorkersApplication.class))
@EnableConfigurationProperties(WorkersProperties.class)
public class InProcessWorkers {
}
