package com.loanflow.risk.tables;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

import java.math.BigDecimal;
import java.util.Map;

/** limit-increase.dmn: how much a repeat borrower's credit limit may grow after on-time repayments, and its ceiling. */
public final class LimitIncreaseTable {

    public static final String RESOURCE = "/com/loanflow/risk/tables/limit-increase.dmn";

    /** The row's answer: increase and ceiling in CNY (scale 2, zero when refused) and the reason code (L_). */
    public record Step(BigDecimal increase, BigDecimal maxLimit, String reasonCode) {
    }

    private final DecisionTableLoader.LoadedDecision table;

    private LimitIncreaseTable(DecisionTableLoader.LoadedDecision table) {
        this.table = table;
    }

    public static LimitIncreaseTable loadDefault() {
        return load(RESOURCE);
    }

    public static LimitIncreaseTable load(String resource) {
        return new LimitIncreaseTable(DecisionTableLoader.fromClasspath(resource, null, "limit-increase"));
    }

    public String version() {
        return table.version();
    }

    public Step step(String riskTier, int settledLoans, int onTimeInstallments, int maxDaysPastDue) {
        DmnDecisionTableResult result = DecisionTableLoader.ENGINE.evaluateDecisionTable(table.decision(), Map.of(
                "riskTier", riskTier == null ? "" : riskTier,
                "settledLoans", settledLoans,
                "onTimeInstallments", onTimeInstallments,
                "maxDaysPastDue", maxDaysPastDue));
        DmnDecisionRuleResult row = result.getFirstResult();
        if (row == null) {
            throw new IllegalStateException(version() + " matched no row for tier " + riskTier);
        }
        return new Step(DecisionTableLoader.money(row.getEntry("increase"), "increase"),
                DecisionTableLoader.money(row.getEntry("maxLimit"), "maxLimit"),
                (String) row.getEntry("reasonCode"));
    }
}
