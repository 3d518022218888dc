package com.loanflow.risk.strategy;

import java.util.Objects;

/**
 * The live decision (the one the process follows) and the other arm's shadow decision for the same input. The
 * shadow never decides anything, so a shadow that fails (a challenger table with a gap, a model that will not
 * score) is kept as a {@link ShadowFailure} instead of failing the live decision: exactly one of {@code shadow} and
 * {@code shadowFailure} is set.
 */
public record StrategyDecision(ArmDecision live, ArmDecision shadow, ShadowFailure shadowFailure) {

    /** The shadow arm that could not decide, and why (exception type and message: the input holds nothing personal). */
    public record ShadowFailure(Arm arm, StrategySpec strategy, String error) {

        static final int MAX_ERROR_LENGTH = 300;

        public ShadowFailure {
            Objects.requireNonNull(arm, "arm");
            Objects.requireNonNull(strategy, "strategy");
            error = error == null ? "" : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        }

        static ShadowFailure of(Arm arm, StrategySpec strategy, RuntimeException cause) {
            return new ShadowFailure(arm, strategy, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    public StrategyDecision {
        Objects.requireNonNull(live, "live");
        if ((shadow == null) == (shadowFailure == null)) {
            throw new IllegalArgumentException("a strategy decision has either a shadow decision or a shadow failure");
        }
    }

    public StrategyDecision(ArmDecision live, ArmDecision shadow) {
        this(live, shadow, null);
    }

    public Arm arm() {
        return live.arm();
    }

    public boolean shadowFailed() {
        return shadowFailure != null;
    }
}
