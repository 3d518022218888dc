package com.loanflow.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns Camunda's authorization checks on for every profile. They apply to authenticated callers only (engine REST,
 * webapps); the platform's own Java code calls the engine without an authenticated user and is not checked.
 * Ordered last so the starter's own authorization settings (camunda.bpm.authorization.*, default off) cannot turn
 * it back off.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuthorizationChecks extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        configuration.setAuthorizationEnabledForCustomCode(false);
    }
}
