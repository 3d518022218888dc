package com.loanflow.workers.identity;

/** Name + ID number + phone against the mobile carrier's real-name records. Throws RetryableFailure when down. */
public interface CarrierThreeFactorCheck {

    boolean matches(String name, String idNumber, String phone);
}
