package com.loanflow.risk.strategy;

/** The live decision (the one the process follows) and the other arm's shadow decision for the same input. */
public record StrategyDecision(ArmDecision live, ArmDecision shadow) {

    public Arm arm() {
        return live.arm();
    }
}
