package com.loanflow.risk;

import java.util.List;

/**
 * The reasons a reviewer may give for rejecting an application: the values of Task_ReviewApplication's
 * {@code reviewRejectionReason} field (ReviewRejectionReasonsTest keeps the two lists equal). The applicant is told
 * the chosen one in plain language (ReasonCodeCatalog), so a manual rejection is explained like an automatic one.
 */
public final class ReviewRejectionReasons {

    public static final String FIELD = "reviewRejectionReason";

    public static final List<String> CODES = List.of("R_REVIEW_AFFORDABILITY", "R_REVIEW_CREDIT_HISTORY",
            "R_REVIEW_DOCUMENTS_UNVERIFIED", "R_REVIEW_INCONSISTENT_DETAILS");

    private ReviewRejectionReasons() {
    }

    public static boolean isReason(Object value) {
        return value instanceof String code && CODES.contains(code);
    }
}
