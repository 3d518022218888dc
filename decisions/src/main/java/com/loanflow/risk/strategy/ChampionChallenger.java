package com.loanflow.risk.strategy;

import com.loanflow.risk.CreditTerms;
import com.loanflow.risk.RiskDecision;
import com.loanflow.risk.RiskEngine;
import com.loanflow.risk.RiskInput;
import com.loanflow.risk.RiskOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Two strategies at once. An application goes to the challenger when the bucket of its split key (SHA-256 of the
 * key, mod 100) is below the challenger's share in percent, so the split is deterministic, even across restarts and
 * nodes, and independent of arrival order. The platform splits by borrower, not by application: a borrower who
 * withdraws an offer and applies again meets the same arm, so nobody can re-roll between the arms' cut points and
 * neither arm's book fills with the other arm's walk-aways. The other arm always scores the same input in shadow, so
 * every decision record carries both arms' outcomes and the arms can be compared on the same population.
 */
public final class ChampionChallenger {

    private final StrategySpec champion;
    private final StrategySpec challenger;
    private final int challengerSharePercent;
    private final StrategyEngines engines;

    public ChampionChallenger(StrategySpec champion, StrategySpec challenger, int challengerSharePercent,
                              StrategyEngines engines) {
        this.champion = Objects.requireNonNull(champion, "champion");
        this.challenger = Objects.requireNonNull(challenger, "challenger");
        champion.requireStorable();
        challenger.requireStorable();
        if (champion.name().equals(challenger.name())) {
            throw new IllegalArgumentException("champion and challenger need different names: " + champion.name());
        }
        if (challengerSharePercent < 0 || challengerSharePercent > 100) {
            throw new IllegalArgumentException("challenger share must be 0-100 percent, was " + challengerSharePercent);
        }
        this.challengerSharePercent = challengerSharePercent;
        this.engines = Objects.requireNonNull(engines, "engines");
        engines.engine(champion); // load both at start-up, not on the first application
        engines.engine(challenger);
    }

    public StrategySpec champion() {
        return champion;
    }

    public StrategySpec challenger() {
        return challenger;
    }

    public int challengerSharePercent() {
        return challengerSharePercent;
    }

    /** 0-99, a pure function of the split key (the borrower id on the platform, else the application id). */
    public static int bucket(String applicationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(applicationId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return (int) Math.floorMod(value, 100L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Arm assign(String splitKey) {
        return bucket(Objects.requireNonNull(splitKey, "splitKey")) < challengerSharePercent
                ? Arm.CHALLENGER : Arm.CHAMPION;
    }

    public StrategySpec strategy(Arm arm) {
        return arm == Arm.CHAMPION ? champion : challenger;
    }

    /**
     * The live arm's decision and the other arm's shadow decision. When both arms name the same rule set and model
     * (they share the loaded instances), the shadow reuses the live arm's rule hits and score: same result, half
     * the cost. The shadow's latency then covers only its tables and pricing. The live arm's failure is thrown (the
     * job is retried); the shadow's is returned as {@link StrategyDecision#shadowFailure()}.
     */
    public StrategyDecision decide(RiskInput input) {
        return decide(input, input.applicationId());
    }

    /**
     * As {@link #decide(RiskInput)}, with the arm chosen by {@code splitKey} (the platform passes the borrower's
     * id, which is not personal data) instead of the application id.
     */
    public StrategyDecision decide(RiskInput input, String splitKey) {
        Arm live = assign(splitKey);
        Arm shadow = live == Arm.CHAMPION ? Arm.CHALLENGER : Arm.CHAMPION;
        long started = System.nanoTime();
        RiskEngine.Evidence evidence = engines.engine(strategy(live)).evidence(input);
        ArmDecision liveDecision = decide(live, strategy(live), evidence, started);
        try {
            return new StrategyDecision(liveDecision, decide(shadow, strategy(shadow), evidence, System.nanoTime()));
        } catch (RuntimeException shadowFailed) {
            // the shadow decides nothing: a broken challenger must not stop the champion's applications (it scores
            // every one of them), so its failure is recorded with the live decision and counted, not thrown
            return new StrategyDecision(liveDecision, null,
                    StrategyDecision.ShadowFailure.of(shadow, strategy(shadow), shadowFailed));
        }
    }

    /** One strategy's decision with its terms; also how a recorded decision is replayed with its own strategy. */
    public ArmDecision decide(Arm arm, StrategySpec strategy, RiskInput input) {
        long started = System.nanoTime();
        return decide(arm, strategy, engines.engine(strategy).evidence(input), started);
    }

    private ArmDecision decide(Arm arm, StrategySpec strategy, RiskEngine.Evidence evidence, long started) {
        RiskEngine engine = engines.engine(strategy);
        RiskDecision decision = engine.assess(evidence); // recomputes the evidence if its rules or model differ
        RiskInput input = evidence.input();
        CreditTerms terms = decision.outcome() == RiskOutcome.REJECT ? null
                : engine.price(decision, input);
        return new ArmDecision(arm, strategy, decision, terms, (System.nanoTime() - started) / 1_000);
    }

    public RiskEngine engine(StrategySpec strategy) {
        return engines.engine(strategy);
    }
}
