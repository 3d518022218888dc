package com.loanflow.risk;

import com.loanflow.risk.strategy.ArmDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What one arm decided, in the form the decision record keeps and replay compares: equal records mean the same
 * result (amounts at their stored scales). The limit reason is null on records and inputs from before limit
 * increases were priced, and replays so. The adverse factors are the model's explanation in the order given; a
 * shadow stored before they were kept has none.
 */
public record ArmOutcome(String strategy, String outcome, List<String> reasonCodes, List<String> ruleHits,
                         BigDecimal defaultProbability, String riskTier, String reviewGroup, BigDecimal creditLimit,
                         BigDecimal aprPercent, String ruleSetVersion, String tableVersion, String modelVersion,
                         String limitReasonCode, List<String> adverseFactors) {

    public ArmOutcome {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        ruleHits = ruleHits == null ? List.of() : List.copyOf(ruleHits);
        adverseFactors = adverseFactors == null ? List.of() : List.copyOf(adverseFactors);
        defaultProbability = scaled(defaultProbability, 4);
        creditLimit = scaled(creditLimit, 2);
        aprPercent = scaled(aprPercent, 2);
    }

    static ArmOutcome of(ArmDecision arm) {
        RiskDecision d = arm.decision();
        return new ArmOutcome(arm.strategy().name(), d.outcome().name(), d.reasonCodes(), d.ruleHits(),
                d.defaultProbability(), d.riskTier(), d.reviewGroup(),
                arm.terms() == null ? null : arm.terms().creditLimit(),
                arm.terms() == null ? null : arm.terms().aprPercent(),
                d.ruleSetVersion(), d.decisionTableVersion(), d.modelVersion(),
                arm.terms() == null ? null : arm.terms().limitReasonCode(),
                d.adverseFactors().stream().map(AdverseFactor::code).toList());
    }

    /** The live arm as stored in the record's own columns. */
    static ArmOutcome live(DecisionRecord r) {
        return new ArmOutcome(r.strategyName(), r.outcome(), DecisionRecord.codes(r.reasonCodes()),
                DecisionRecord.codes(r.ruleHits()), r.defaultProbability(), r.riskTier(), r.reviewGroup(),
                r.creditLimit(), r.aprPercent(), r.ruleSetVersion(), r.tableVersion(), r.modelVersion(),
                r.limitReasonCode(), DecisionRecord.codes(r.adverseFactors()));
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
