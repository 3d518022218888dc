package com.loanflow.risk.tables;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

/** risk-route.dmn: outcome, tier, review group and the routing reason from rule hits, PD, thin file and amount. */
public final class RiskRouteTable {

    public static final String RESOURCE = "/com/loanflow/risk/tables/risk-route.dmn";
    public static final String DECISION_ID = "RiskRoute";

    /** The table's answer; reviewGroup and reasonCode are null where the row leaves them empty. */
    public record Route(String outcome, String riskTier, String reviewGroup, String reasonCode) {
    }

    private final DecisionTableLoader.LoadedDecision table;

    private RiskRouteTable(DecisionTableLoader.LoadedDecision table) {
        this.table = table;
    }

    public static RiskRouteTable loadDefault() {
        return new RiskRouteTable(DecisionTableLoader.fromClasspath(RESOURCE, DECISION_ID, "risk-route"));
    }

    public static RiskRouteTable load(InputStream dmn) {
        return new RiskRouteTable(DecisionTableLoader.parse(dmn, DECISION_ID, "risk-route"));
    }

    public String version() {
        return table.version();
    }

    public Route route(boolean hardRuleRejected, BigDecimal defaultProbability, boolean thinFile,
                       BigDecimal requestedAmount) {
        DmnDecisionTableResult result = DecisionTableLoader.ENGINE.evaluateDecisionTable(table.decision(), Map.of(
                "hardRuleRejected", hardRuleRejected,
                "defaultProbability", defaultProbability.doubleValue(),
                "thinFile", thinFile,
                "requestedAmount", requestedAmount.doubleValue()));
        DmnDecisionRuleResult row = result.getFirstResult();
        if (row == null) {
            throw new IllegalStateException("risk-route.dmn matched no row for PD " + defaultProbability);
        }
        // An empty output cell leaves its entry out of the result map entirely.
        Map<String, Object> entries = row.getEntryMap();
        return new Route((String) entries.get("outcome"), (String) entries.get("riskTier"),
                blankToNull(entries.get("reviewGroup")), blankToNull(entries.get("reasonCode")));
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
