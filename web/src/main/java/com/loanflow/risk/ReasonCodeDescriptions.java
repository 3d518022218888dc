package com.loanflow.risk;

import org.springframework.stereotype.Component;

/**
 * Plain-language explanations (Chinese / English) shown to borrowers and reviewers for every reason code. The texts
 * live with the rules and tables that emit the codes (decisions' RuleReasonCodes for rule codes and fraud flags,
 * then ReasonCodeCatalog), so a code and its explanation ship together; an unknown code is shown as itself.
 */
@Component
public class ReasonCodeDescriptions {

    public String describe(String code) {
        return RuleReasonCodes.find(code).map(AdverseFactor::description)
                .orElseGet(() -> ReasonCodeCatalog.codes().contains(code)
                        ? ReasonCodeCatalog.describe(code).description() : code);
    }
}
