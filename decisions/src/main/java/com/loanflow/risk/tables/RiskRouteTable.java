package com.loanflow.risk.tables;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Map;

/**
 * A risk-route table (risk-route-v1.dmn ... risk-route-v6.dmn): outcome, tier, review group and the routing reason
 * from rule rejections, fraud flags, PD, the poor-credit segment (computed in the table), thin file and amount.
 */
public final class RiskRouteTable {

    /** Retired champion (1.1): kept so the decisions it made replay. */
    public static final String RESOURCE_V1 = "/com/loanflow/risk/tables/risk-route-v1.dmn";
    /** Retired challenger (2.0): kept so the decisions it made replay. */
    public static final String RESOURCE_V2 = "/com/loanflow/risk/tables/risk-route-v2.dmn";
    /**
     * Retired champion (3.0): v1 with a large borderline request reviewed by seniors whether or not a fraud flag is
     * raised. Kept so the decisions it made replay.
     */
    public static final String RESOURCE_V3 = "/com/loanflow/risk/tables/risk-route-v3.dmn";
    /** Retired challenger (4.0): v2's cut points with v3's change. Kept so the decisions it made replay. */
    public static final String RESOURCE_V4 = "/com/loanflow/risk/tables/risk-route-v4.dmn";
    /** v3 with R_POOR_CREDIT as the reason of a flagged poor-credit case (v3 left it to the flags' codes). */
    public static final String RESOURCE_V5 = "/com/loanflow/risk/tables/risk-route-v5.dmn";
    /** v4's cut points with v5's change. */
    public static final String RESOURCE_V6 = "/com/loanflow/risk/tables/risk-route-v6.dmn";
    /** The champion's table, what {@link #loadDefault()} loads, and its decision id. */
    public static final String RESOURCE = RESOURCE_V5;
    public static final String DECISION_ID = "RiskRouteV5";

    /** The table's answer; reviewGroup and reasonCode are null where the row leaves them empty. */
    public record Route(String outcome, String riskTier, String reviewGroup, String reasonCode) {
    }

    /**
     * What the table looks at. pastDue90DaysOrMore and thinFile make the poor-credit segment.
     * <p>
     * The DMN engine hands a FEEL input expression's number to the unary tests as a {@code Double}. A decimal of at
     * most 15 significant digits comes back from that double exactly (Double.toString is the shortest
     * representation), so the PD (4 places, as recorded) and the amount (whole fen) meet the cut points exactly.
     * A value with more places would be rounded on its way into the table and could cross a cut point, so it is
     * refused here instead.
     */
    public record Facts(boolean hardRuleRejected, boolean flagged, BigDecimal defaultProbability, boolean thinFile,
                        int pastDue90DaysOrMore, BigDecimal requestedAmount) {

        static final int PD_PLACES = 4;
        static final int AMOUNT_PLACES = 2;
        private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000"); // 13 + 2 digits

        public Facts {
            Objects.requireNonNull(defaultProbability, "defaultProbability");
            Objects.requireNonNull(requestedAmount, "requestedAmount");
            if (defaultProbability.signum() < 0 || defaultProbability.compareTo(BigDecimal.ONE) > 0
                    || defaultProbability.stripTrailingZeros().scale() > PD_PLACES) {
                throw new IllegalArgumentException("default probability must be in [0, 1] with at most " + PD_PLACES
                        + " decimal places, was " + defaultProbability.toPlainString());
            }
            if (requestedAmount.stripTrailingZeros().scale() > AMOUNT_PLACES
                    || requestedAmount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
                throw new IllegalArgumentException("requested amount must be a whole number of fen below "
                        + AMOUNT_LIMIT.toPlainString() + ", was " + requestedAmount.toPlainString());
            }
        }
    }

    private final DecisionTableLoader.LoadedDecision table;

    private RiskRouteTable(DecisionTableLoader.LoadedDecision table) {
        this.table = table;
    }

    public static RiskRouteTable loadDefault() {
        return load(RESOURCE);
    }

    /** Any version by classpath resource; the version string comes from the file's camunda:versionTag. */
    public static RiskRouteTable load(String resource) {
        return new RiskRouteTable(DecisionTableLoader.fromClasspath(resource, null, "risk-route"));
    }

    public static RiskRouteTable load(InputStream dmn) {
        return new RiskRouteTable(DecisionTableLoader.parse(dmn, null, "risk-route"));
    }

    public String version() {
        return table.version();
    }

    /** A case with no fraud flag and no 90+ days past due (the model card's band table uses this). */
    public Route route(boolean hardRuleRejected, BigDecimal defaultProbability, boolean thinFile,
                       BigDecimal requestedAmount) {
        return route(new Facts(hardRuleRejected, false, defaultProbability, thinFile, 0, requestedAmount));
    }

    public Route route(Facts facts) {
        DmnDecisionTableResult result = DecisionTableLoader.ENGINE.evaluateDecisionTable(table.decision(), Map.of(
                "hardRuleRejected", facts.hardRuleRejected(),
                "flagged", facts.flagged(),
                // the tables read these as doubles (typeRef); Facts lets in only values a double holds exactly
                "defaultProbability", facts.defaultProbability().doubleValue(),
                "thinFile", facts.thinFile(),
                "pastDue90DaysOrMore", facts.pastDue90DaysOrMore(),
                "requestedAmount", facts.requestedAmount().doubleValue()));
        DmnDecisionRuleResult row = result.getFirstResult();
        if (row == null) {
            throw new IllegalStateException(version() + " matched no row for PD " + facts.defaultProbability());
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
