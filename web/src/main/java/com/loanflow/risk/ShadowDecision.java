package com.loanflow.risk;

import com.loanflow.risk.strategy.StrategySpec;

/** The other arm's decision on the same input, stored as JSON in risk_decision.shadow_decision. */
public record ShadowDecision(String arm, StrategySpec strategy, ArmOutcome outcome, long latencyMicros) {
}
