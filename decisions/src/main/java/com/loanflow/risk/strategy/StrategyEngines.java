package com.loanflow.risk.strategy;

import com.loanflow.risk.RiskEngine;
import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.rules.HardRules;
import com.loanflow.risk.tables.CreditTermsTable;
import com.loanflow.risk.tables.LimitIncreaseTable;
import com.loanflow.risk.tables.RiskRouteTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a {@link RiskEngine} per strategy and keeps it; rule sets, tables and models are shared between
 * strategies that name the same resource, so two strategies differing only in a table hold one model.
 */
public final class StrategyEngines {

    private final ModelSource models;
    private final Map<StrategySpec, RiskEngine> engines = new ConcurrentHashMap<>();
    private final Map<String, HardRules> ruleSets = new ConcurrentHashMap<>();
    private final Map<String, RiskRouteTable> routes = new ConcurrentHashMap<>();
    private final Map<String, CreditTermsTable> terms = new ConcurrentHashMap<>();
    private final Map<String, LimitIncreaseTable> limits = new ConcurrentHashMap<>();
    private final Map<String, DefaultProbabilityModel> loadedModels = new ConcurrentHashMap<>();

    public StrategyEngines(ModelSource models) {
        this.models = models;
    }

    public RiskEngine engine(StrategySpec spec) {
        return engines.computeIfAbsent(spec, s -> RiskEngine.of(
                ruleSets.computeIfAbsent(s.ruleSet(), HardRules::fromResource),
                loadedModels.computeIfAbsent(s.model(), models::load),
                routes.computeIfAbsent(s.riskRoute(), RiskRouteTable::load),
                terms.computeIfAbsent(s.creditTerms(), CreditTermsTable::load),
                limits.computeIfAbsent(s.limitIncrease(), LimitIncreaseTable::load),
                s.aprCapPercent()));
    }
}
