package com.loanflow.risk;

/** One reason that pushed the decision against the applicant, in plain language (Chinese / English). */
public record AdverseFactor(String code, String description) {
}
