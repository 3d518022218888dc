package com.loanflow.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * The explained outcome of one assessment: reason codes, the model's default probability (scale 4), tier,
 * the review group when a person must decide, the top adverse factors and the versions of rules, tables and model.
 */
public record RiskDecision(RiskOutcome outcome, List<String> reasonCodes, BigDecimal defaultProbability,
                           String riskTier, String reviewGroup, List<AdverseFactor> adverseFactors,
                           String ruleSetVersion, String decisionTableVersion, String modelVersion) {
}
