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

    /** The decision record's strategy_name and shadow_strategy_name columns are VARCHAR(40). */
    public static final int MAX_NAME_LENGTH = 40;
    /** Five resources of this length, the name and the JSON keys stay under strategy_spec's VARCHAR(1000). */
    public static final int MAX_RESOURCE_LENGTH = 150;
    // before CHAMPION and CHALLENGER: their construction reads it
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,40}");

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

    /**
     * Refuses, when strategies are configured (ChampionChallenger, at start-up), a spec the decision record cannot
     * hold: found at the first insert instead, every application would fail. Not checked when a stored spec is read
     * back (replay, pricing after review): a record stored under an older rule must stay readable.
     */
    public void requireStorable() {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("strategy name must be 1-" + MAX_NAME_LENGTH
                    + " letters, digits, '.', '_' or '-' (it is stored, and a metric tag): " + name);
        }
        requireShortResource(ruleSet, "ruleSet");
        requireShortResource(riskRoute, "riskRoute");
        requireShortResource(creditTerms, "creditTerms");
        requireShortResource(limitIncrease, "limitIncrease");
        requireShortResource(model, "model");
    }

    private static void requireShortResource(String value, String field) {
        if (value.length() > MAX_RESOURCE_LENGTH) {
            throw new IllegalArgumentException("strategy " + field + " must be at most " + MAX_RESOURCE_LENGTH
                    + " characters: " + value);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("strategy " + field + " must be set");
        }
    }
}
