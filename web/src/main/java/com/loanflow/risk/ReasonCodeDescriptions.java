package com.loanflow.risk;

import org.springframework.stereotype.Component;

/**
 * Plain-language explanations shown to borrowers and reviewers for every reason code. The texts live with the
 * rules and tables that emit the codes (decisions' ReasonCodeCatalog), so a code and its explanation ship together.
 */
@Component
public class ReasonCodeDescriptions {

    public String describe(String code) {
        return ReasonCodeCatalog.codes().contains(code) ? ReasonCodeCatalog.describe(code).description() : code;
    }
}
