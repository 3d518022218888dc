package com.loanflow.risk;

import com.loanflow.borrower.Borrowers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sandbox only: the documented test identity 赵六 and the test device {@value #FRAUD_DEVICE_ID} are on the blacklist,
 * so both can be tried end to end.
 */
@Component
@ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SandboxBlacklist {

    static final String ZHAO_LIU_ID_NUMBER = "510107199506200052";
    static final String FRAUD_DEVICE_ID = "sandbox-fraud-device-0001";

    private final Blacklist blacklist;

    SandboxBlacklist(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        blacklist.add(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, ZHAO_LIU_ID_NUMBER,
                "Sandbox test identity: fraud confirmed", "sandbox-seed");
        // empty when already listed from an earlier start: seeding is idempotent
        blacklist.add(Blacklist.EntryType.DEVICE, FRAUD_DEVICE_ID, "Sandbox test device: fraud ring", "sandbox-seed",
                null, "sandbox-seed");
    }
}
