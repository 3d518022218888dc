package com.loanflow.risk;

import com.loanflow.borrower.Borrowers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Sandbox only: the documented test identity 赵六 is on the blacklist, so its rejection can be tried end to end. */
@Component
@ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SandboxBlacklist {

    static final String ZHAO_LIU_ID_NUMBER = "510107199506200052";

    private final Blacklist blacklist;

    SandboxBlacklist(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        blacklist.add(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, ZHAO_LIU_ID_NUMBER,
                "Sandbox test identity: fraud confirmed", "sandbox-seed");
    }
}
