package com.loanflow.contract.template;

/** An agreement the borrower consented to, cited by type and version in the contract. */
public record AgreementRef(String type, String version, String title) {
}
