package com.loanflow.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.loanflow.risk.strategy.StrategySpec;

/**
 * The other arm's decision on the same input, stored as JSON in risk_decision.shadow_decision. A shadow that failed
 * has no outcome and says why in {@code failure} (records from before failures were kept have no such field).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShadowDecision(String arm, StrategySpec strategy, ArmOutcome outcome, long latencyMicros,
                             String failure) {

    static ShadowDecision failed(String arm, StrategySpec strategy, String failure) {
        return new ShadowDecision(arm, strategy, null, 0, failure);
    }

    boolean hasFailed() {
        return outcome == null;
    }
}
