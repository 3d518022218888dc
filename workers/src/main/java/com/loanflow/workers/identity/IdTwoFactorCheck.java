package com.loanflow.workers.identity;

/** Name + ID number against the public-security registry. Throws RetryableFailure when the provider is down. */
public interface IdTwoFactorCheck {

    boolean matches(String name, String idNumber);
}
