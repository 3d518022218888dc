package com.loanflow.risk.strategy;

import com.loanflow.risk.CreditTerms;
import com.loanflow.risk.RiskDecision;

/**
 * One strategy's answer for one application: the decision, its credit terms (null for a rejection) and how long
 * rules, model, tables and pricing took.
 */
public record ArmDecision(Arm arm, StrategySpec strategy, RiskDecision decision, CreditTerms terms,
                          long latencyMicros) {
}
