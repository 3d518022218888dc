package com.loanflow.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.risk.strategy.Arm;
import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.StrategySpec;
import com.loanflow.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * Recomputes a recorded decision from its stored input with the strategy recorded with it (its own rule set,
 * tables, model and thresholds, whatever is configured today), and says whether the result is the same. The stored
 * input is checked against its SHA-256 first, so an edited input cannot pass as the original.
 */
@Component
public class DecisionReplay {

    /** replayFailure: why the live arm could not be replayed (its tables or model gone); replayed is then null. */
    public record Result(String applicationId, String arm, String strategy, boolean inputHashMatches,
                         boolean sameResult, ArmOutcome recorded, ArmOutcome replayed, String replayFailure,
                         Shadow shadow) {
    }

    /**
     * The shadow arm's replay; a shadow that failed when decided is the same result only when it fails again with the
     * same exception type (the message may name another cause: a table since removed).
     */
    public record Shadow(String arm, String strategy, boolean sameResult, ArmOutcome recorded, ArmOutcome replayed,
                         String recordedFailure, String replayedFailure) {
    }

    private final RiskMapper mapper;
    private final ChampionChallenger strategies;
    private final ObjectMapper json;

    DecisionReplay(RiskMapper mapper, ChampionChallenger strategies, ObjectMapper json) {
        this.mapper = mapper;
        this.strategies = strategies;
        this.json = json;
    }

    public Result replay(String applicationId) {
        DecisionRecord record = mapper.findDecision(applicationId)
                .orElseThrow(() -> ApiException.notFound("Risk decision"));
        if (record.inputJson() == null || record.strategySpec() == null) {
            // recorded before strategies, or its input (bureau data) erased with the borrower's personal data
            throw ApiException.conflict("DECISION_NOT_REPLAYABLE", "The decision has no input to replay: it was"
                    + " recorded before strategies, or its input was erased when the borrower's account was closed");
        }
        boolean intact = AssessRiskDelegate.sha256(record.inputJson()).equals(record.inputSha256());
        RiskInput input = read(record.inputJson(), RiskInput.class, intact);
        StrategySpec strategy = read(record.strategySpec(), StrategySpec.class, intact);
        ArmOutcome recorded = ArmOutcome.live(record);
        ArmOutcome replayed = null;
        String replayFailure = null;
        try {
            replayed = sameVersionsAsRecorded(recorded,
                    ArmOutcome.of(strategies.decide(Arm.valueOf(record.arm()), strategy, input)));
        } catch (RuntimeException failed) {
            // a strategy whose table or model is no longer shipped: an answer that says so, not a server error
            replayFailure = describe(failed);
        }

        Shadow shadow = null;
        if (record.shadowDecision() != null) {
            ShadowDecision stored = read(record.shadowDecision(), ShadowDecision.class, intact);
            ArmOutcome shadowReplayed = null;
            String shadowFailure = null;
            try {
                ArmOutcome again = ArmOutcome.of(strategies.decide(Arm.valueOf(stored.arm()), stored.strategy(), input));
                shadowReplayed = stored.hasFailed() ? again : sameVersionsAsRecorded(stored.outcome(), again);
            } catch (RuntimeException failed) {
                shadowFailure = describe(failed);
            }
            boolean same = stored.hasFailed() ? failureType(stored.failure()).equals(failureType(shadowFailure))
                    : shadowReplayed != null && stored.outcome().equals(shadowReplayed);
            shadow = new Shadow(stored.arm(), stored.strategy().name(), intact && same, stored.outcome(),
                    shadowReplayed, stored.failure(), shadowFailure);
        }
        return new Result(applicationId, record.arm(), strategy.name(), intact,
                intact && replayed != null && recorded.equals(replayed), recorded, replayed, replayFailure, shadow);
    }

    private static String describe(RuntimeException failed) {
        return failed.getClass().getSimpleName() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
    }

    /**
     * Records from before a version string named every part that decides are compared on the parts they name, so
     * the longer name alone does not make them differ:
     * <ul>
     * <li>a table version in the shorter "route+terms" form (before the limit-increase table and the pricing logic
     * were named, ADR 0012 addendum 2026-11-26): a change in the limit logic still shows, in the limit and its
     * reason;</li>
     * <li>a model version without the explanation's ("gmsc-xgb-v2", before "+reasons-2", ADR 0031 addendum
     * 2026-11-27): its adverse factors were chosen by the earlier explanation and are not compared; PD, outcome,
     * reasons and terms still are.</li>
     * </ul>
     */
    static ArmOutcome sameVersionsAsRecorded(ArmOutcome recorded, ArmOutcome replayed) {
        String table = named(recorded.tableVersion(), replayed.tableVersion());
        String model = named(recorded.modelVersion(), replayed.modelVersion());
        boolean modelNamedLess = !java.util.Objects.equals(model, replayed.modelVersion());
        if (java.util.Objects.equals(table, replayed.tableVersion()) && !modelNamedLess) {
            return replayed;
        }
        return new ArmOutcome(replayed.strategy(), replayed.outcome(), replayed.reasonCodes(), replayed.ruleHits(),
                replayed.defaultProbability(), replayed.riskTier(), replayed.reviewGroup(), replayed.creditLimit(),
                replayed.aprPercent(), replayed.ruleSetVersion(), table, model, replayed.limitReasonCode(),
                modelNamedLess ? recorded.adverseFactors() : replayed.adverseFactors());
    }

    /** "IllegalStateException" of "IllegalStateException: message"; empty when nothing failed. */
    static String failureType(String failure) {
        if (failure == null) {
            return "";
        }
        int colon = failure.indexOf(':');
        return colon < 0 ? failure : failure.substring(0, colon);
    }

    /** The recorded version when the replayed one only adds parts to it ("was+..."), else the replayed one. */
    private static String named(String was, String now) {
        return was == null || now == null || was.equals(now) || !now.startsWith(was + "+") ? now : was;
    }

    private <T> T read(String text, Class<T> type, boolean intact) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw ApiException.conflict("DECISION_NOT_REPLAYABLE", "The stored decision cannot be read"
                    + (intact ? "" : " and its input does not match its SHA-256 (changed after it was recorded)")
                    + ": " + e.getOriginalMessage());
        }
    }
}
