package com.loanflow.risk;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Every automatic decision, with what it was based on, so it can be explained and replayed. */
public record DecisionRecord(String id, String applicationId, String outcome, String reasonCodes,
                             BigDecimal defaultProbability, String riskTier, String reviewGroup, String adverseFactors,
                             String ruleSetVersion, String tableVersion, String modelVersion, String inputSha256,
                             long latencyMicros, LocalDateTime decidedAt) {
}
