package com.loanflow.risk.tables;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

/** credit-terms.dmn: credit limit and APR by risk tier and term, exactly as the table says (no cap applied here). */
public final class CreditTermsTable {

    public static final String RESOURCE = "/com/loanflow/risk/tables/credit-terms.dmn";
    public static final String DECISION_ID = "CreditTerms";

    /** Credit limit (CNY) and APR in percent, both scale 2. */
    public record Terms(BigDecimal creditLimit, BigDecimal aprPercent) {
    }

    private final DecisionTableLoader.LoadedDecision table;

    private CreditTermsTable(DecisionTableLoader.LoadedDecision table) {
        this.table = table;
    }

    public static CreditTermsTable loadDefault() {
        return load(RESOURCE);
    }

    /** Any version by classpath resource (one decision per file). */
    public static CreditTermsTable load(String resource) {
        return new CreditTermsTable(DecisionTableLoader.fromClasspath(resource, null, "credit-terms"));
    }

    public static CreditTermsTable load(InputStream dmn) {
        return new CreditTermsTable(DecisionTableLoader.parse(dmn, DECISION_ID, "credit-terms"));
    }

    public String version() {
        return table.version();
    }

    /** @throws IllegalArgumentException when the table has no terms for the tier and term (e.g. tier E). */
    public Terms terms(String riskTier, int termMonths) {
        DmnDecisionTableResult result = DecisionTableLoader.ENGINE.evaluateDecisionTable(table.decision(),
                Map.of("riskTier", riskTier, "termMonths", termMonths));
        DmnDecisionRuleResult row = result.getSingleResult();
        if (row == null) {
            throw new IllegalArgumentException("no credit terms for tier " + riskTier + ", " + termMonths + " months");
        }
        return new Terms(DecisionTableLoader.money(row.getEntry("creditLimit"), "creditLimit"),
                DecisionTableLoader.money(row.getEntry("aprPercent"), "aprPercent"));
    }
}
