package com.loanflow.workers.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The borrower's consent to the current credit authorization: what a bureau query relies on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditAuthorization(String consentId, String agreementVersion) {
}
