package com.loanflow.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * The explained outcome of one assessment: reason codes, the model's default probability (scale 4), tier,
 * the review group when a person must decide, the top adverse factors, the versions of rules, tables and model,
 * and every code the rules fired (rejections R_ and review flags F_), sorted.
 */
public record RiskDecision(RiskOutcome outcome, List<String> reasonCodes, BigDecimal defaultProbability,
                           String riskTier, String reviewGroup, List<AdverseFactor> adverseFactors,
                           String ruleSetVersion, String decisionTableVersion, String modelVersion,
                           List<String> ruleHits) {

    public RiskDecision {
        reasonCodes = List.copyOf(reasonCodes);
        adverseFactors = List.copyOf(adverseFactors);
        ruleHits = ruleHits == null ? List.of() : List.copyOf(ruleHits);
    }

    /** A decision rebuilt from a record that kept no rule hits. */
    public RiskDecision(RiskOutcome outcome, List<String> reasonCodes, BigDecimal defaultProbability,
                        String riskTier, String reviewGroup, List<AdverseFactor> adverseFactors,
                        String ruleSetVersion, String decisionTableVersion, String modelVersion) {
        this(outcome, reasonCodes, defaultProbability, riskTier, reviewGroup, adverseFactors, ruleSetVersion,
                decisionTableVersion, modelVersion, List.of());
    }
}
