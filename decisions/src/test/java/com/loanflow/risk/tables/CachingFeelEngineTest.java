package com.loanflow.risk.tables;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast FEEL engine behind both tables gives exactly what Camunda's stock engine gives, cell for cell. */
class CachingFeelEngineTest {

    private static final DmnEngine STOCK = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void everyRiskRouteVersionMatchesTheStockEngineOnAGridAcrossEveryBand() throws Exception {
        int compared = 0;
        for (String resource : new String[] {RiskRouteTable.RESOURCE_V1, RiskRouteTable.RESOURCE_V2,
                RiskRouteTable.RESOURCE_V3, RiskRouteTable.RESOURCE_V4, RiskRouteTable.RESOURCE_V5,
                RiskRouteTable.RESOURCE_V6}) {
            DmnDecision stock = stockDecision(resource, null);
            DmnDecision fast = DecisionTableLoader.fromClasspath(resource, null, "risk-route").decision();
            List<Double> pds = new ArrayList<>();
            for (int i = 0; i <= 50; i++) {
                pds.add(i / 50.0);
            }
            for (double edge : new double[] {0.015, 0.02, 0.05, 0.06, 0.25, 0.30, 0.40, 0.45}) {
                pds.add(edge - 0.0001);
                pds.add(edge);
                pds.add(edge + 0.0001);
            }
            for (boolean hardRule : new boolean[] {false, true}) {
                for (boolean flagged : new boolean[] {false, true}) {
                    for (boolean thin : new boolean[] {false, true}) {
                        for (int pastDue90 : new int[] {0, 1}) {
                            for (double amount : new double[] {1500.0, 1500.01}) {
                                for (double pd : pds) {
                                    Map<String, Object> vars = Map.of("hardRuleRejected", hardRule,
                                            "flagged", flagged, "defaultProbability", BigDecimal.valueOf(pd)
                                                    .setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue(),
                                            "thinFile", thin, "pastDue90DaysOrMore", pastDue90,
                                            "requestedAmount", amount);
                                    assertThat(rows(DecisionTableLoader.ENGINE.evaluateDecisionTable(fast, vars)))
                                            .as("%s %s", resource, vars)
                                            .isEqualTo(rows(STOCK.evaluateDecisionTable(stock, vars)));
                                    compared++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(4000);
    }

    @Test
    void creditTermsMatchTheStockEngineForEveryTierAndTerm() throws Exception {
        DmnDecision stock = stockDecision(CreditTermsTable.RESOURCE, CreditTermsTable.DECISION_ID);
        DmnDecision fast = DecisionTableLoader.fromClasspath(CreditTermsTable.RESOURCE, CreditTermsTable.DECISION_ID,
                "credit-terms").decision();
        for (String tier : new String[] {"A", "B", "C", "D", "E", "X"}) {
            for (int term = 0; term <= 36; term++) {
                Map<String, Object> vars = Map.of("riskTier", tier, "termMonths", term);
                assertThat(rows(DecisionTableLoader.ENGINE.evaluateDecisionTable(fast, vars)))
                        .as("%s", vars).isEqualTo(rows(STOCK.evaluateDecisionTable(stock, vars)));
            }
        }
    }

    @Test
    void limitIncreaseMatchesTheStockEngineOnEveryRowEdge() throws Exception {
        DmnDecision stock = stockDecision(LimitIncreaseTable.RESOURCE, null);
        DmnDecision fast = DecisionTableLoader.fromClasspath(LimitIncreaseTable.RESOURCE, null, "limit-increase")
                .decision();
        int compared = 0;
        // "" is what LimitIncreaseTable passes for a decision without a tier; the counts cross each row's edge
        // (settled < 1, on time < 3 and >= 6, days past due > 3)
        for (String tier : new String[] {"A", "B", "C", "D", "E", ""}) {
            for (int settled = 0; settled <= 2; settled++) {
                for (int onTime = 0; onTime <= 7; onTime++) {
                    for (int daysPastDue = 0; daysPastDue <= 5; daysPastDue++) {
                        Map<String, Object> vars = Map.of("riskTier", tier, "settledLoans", settled,
                                "onTimeInstallments", onTime, "maxDaysPastDue", daysPastDue);
                        List<Map<String, Object>> expected = rows(STOCK.evaluateDecisionTable(stock, vars));
                        assertThat(expected).as("stock engine matches a row for %s", vars).isNotEmpty();
                        assertThat(rows(DecisionTableLoader.ENGINE.evaluateDecisionTable(fast, vars)))
                                .as("%s", vars).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(6 * 3 * 8 * 6);
    }

    @Test
    void takesTheFastPathAndStillReportsBadExpressions() {
        CachingFeelEngine engine = new CachingFeelEngine();
        assertThat(engine.fastPath()).as("feel-scala internals found").isTrue();
        org.camunda.bpm.engine.variable.context.VariableContext vars =
                org.camunda.bpm.engine.variable.Variables.createVariables().putValue("x", 0.3).asVariableContext();
        assertThat(engine.evaluateSimpleUnaryTests(">= 0.30", "x", vars)).isTrue();
        assertThat(engine.evaluateSimpleUnaryTests("< 0.30", "x", vars)).isFalse();
        assertThat((Object) engine.evaluateSimpleExpression("\"REVIEW\"", vars)).isEqualTo("REVIEW");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests(">= >=", "x", vars))
                .isInstanceOf(RuntimeException.class);
    }

    private static DmnDecision stockDecision(String resource, String id) throws Exception {
        try (InputStream in = CachingFeelEngineTest.class.getResourceAsStream(resource)) {
            return id == null ? STOCK.parseDecisions(in).get(0) : STOCK.parseDecision(id, in);
        }
    }

    private static List<Map<String, Object>> rows(DmnDecisionTableResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : result.getResultList()) {
            rows.add(new java.util.HashMap<>(row)); // plain maps: compares names and values, not the result classes
        }
        return rows;
    }
}
