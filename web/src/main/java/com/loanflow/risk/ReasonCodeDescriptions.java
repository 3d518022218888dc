package com.loanflow.risk;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Plain-language explanations (Chinese / English) shown to borrowers and reviewers for every reason code. The texts
 * live with the rules and tables that emit the codes (decisions' RuleReasonCodes for rule codes and fraud flags,
 * then ReasonCodeCatalog), so a code and its explanation ship together; an unknown code is shown as itself.
 */
@Component
public class ReasonCodeDescriptions {

    private final RiskMapper decisions;

    public ReasonCodeDescriptions(RiskMapper decisions) {
        this.decisions = decisions;
    }

    public String describe(String code) {
        return RuleReasonCodes.find(code).map(AdverseFactor::description)
                .orElseGet(() -> ReasonCodeCatalog.codes().contains(code)
                        ? ReasonCodeCatalog.describe(code).description() : code);
    }

    /** The Chinese half of {@link #describe}, for a text message. */
    public String describeInChinese(String code) {
        String text = describe(code);
        int english = text.indexOf(" / ");
        return english < 0 ? text : text.substring(0, english);
    }

    /** Each code's text, one after another, for a reviewer's form field: "text (CODE); text (CODE)". */
    public String explain(List<String> codes) {
        return String.join("; ", codes.stream().map(c -> describe(c) + " (" + c + ")").toList());
    }

    /** Why a repeat borrower's approved limit is what it is (an L_ code, in plain language); empty for a first loan. */
    public java.util.Optional<AdverseFactor> limitReason(String applicationId) {
        return decisions.findDecision(applicationId).map(DecisionRecord::limitReasonCode)
                .map(c -> new AdverseFactor(c, describe(c)));
    }

    /**
     * The model's top adverse factors of the application's automatic decision, in plain language: what raised its
     * probability of default most. Empty before (or without) a risk decision, as for an identity rejection.
     */
    public List<AdverseFactor> adverseFactors(String applicationId) {
        return decisions.findDecision(applicationId)
                .map(d -> DecisionRecord.codes(d.adverseFactors()).stream()
                        .map(c -> new AdverseFactor(c, describe(c))).toList())
                .orElse(List.of());
    }
}
