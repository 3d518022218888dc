package com.loanflow.risk;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Every automatic decision, with what it was based on, so it can be explained, compared and replayed: the live
 * arm's decision and strategy, the input (non-personal RiskInput JSON and its SHA-256) and the other arm's shadow
 * decision. Lists are comma-separated; the V6 columns are null on records from before strategies. limitReasonCode
 * (V26) says why a repeat borrower's limit is what it is; null for a first loan.
 */
public record DecisionRecord(String id, String applicationId, String outcome, String reasonCodes,
                             BigDecimal defaultProbability, String riskTier, String reviewGroup, String adverseFactors,
                             String ruleSetVersion, String tableVersion, String modelVersion, String inputSha256,
                             long latencyMicros, LocalDateTime decidedAt,
                             String strategyName, String arm, String strategySpec, String ruleHits,
                             BigDecimal creditLimit, BigDecimal aprPercent, String inputJson,
                             String shadowStrategyName, String shadowOutcome, BigDecimal shadowDefaultProbability,
                             String shadowDecision, String limitReasonCode) {

    static List<String> codes(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }
}
