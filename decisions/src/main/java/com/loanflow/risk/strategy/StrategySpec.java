package com.loanflow.risk.strategy;

import com.loanflow.risk.RiskEngine;
import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.rules.HardRules;
import com.loanflow.risk.tables.CreditTermsTable;
import com.loanflow.risk.tables.LimitIncreaseTable;
import com.loanflow.risk.tables.RiskRouteTable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One decision strategy: which rule set, tables and model (each a classpath resource, so versions load side by
 * side) and its thresholds (the APR cap). The decision record stores it, so a decision replays with exactly these.
 */
public record StrategySpec(String name, String ruleSet, String riskRoute, String creditTerms, String limitIncrease,
                           String model, BigDecimal aprCapPercent) {

    /**
     * Today's strategy: risk-route-v5.dmn. It replaced "baseline-v3" (risk-route-v3.dmn) and that "baseline-v1"
     * (risk-route-v1.dmn), whose decisions replay from their recorded spec: the old tables stay in the jar.
     */
    public static final StrategySpec CHAMPION = new StrategySpec("baseline-v5", HardRules.RESOURCE,
            RiskRouteTable.RESOURCE_V5, CreditTermsTable.RESOURCE, LimitIncreaseTable.RESOURCE,
            DefaultProbabilityModel.RESOURCE, RiskEngine.APR_CAP_PERCENT);

    /**
     * The challenger: same rules, terms and model, risk-route-v6.dmn's cut points (replaced "wider-approval-v4",
     * which replaced "wider-approval-v2").
     */
    public static final StrategySpec CHALLENGER = new StrategySpec("wider-approval-v6", HardRules.RESOURCE,
            RiskRouteTable.RESOURCE_V6, CreditTermsTable.RESOURCE, LimitIncreaseTable.RESOURCE,
            DefaultProbabilityModel.RESOURCE, RiskEngine.APR_CAP_PERCENT);

    public StrategySpec {
        requireText(name, "name");
        requireText(ruleSet, "ruleSet");
        requireText(riskRoute, "riskRoute");
        requireText(creditTerms, "creditTerms");
        requireText(limitIncrease, "limitIncrease");
        requireText(model, "model");
        Objects.requireNonNull(aprCapPercent, "aprCapPercent");
        if (aprCapPercent.signum() <= 0 || aprCapPercent.compareTo(RiskEngine.APR_CAP_PERCENT) > 0) {
            throw new IllegalArgumentException("aprCapPercent must be in (0, " + RiskEngine.APR_CAP_PERCENT + "]");
        }
        aprCapPercent = aprCapPercent.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("strategy " + field + " must be set");
        }
    }
}
