package com.loanflow.ledger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops only (see OpsApiSecurity). */
@RestController
class LedgerController {

    private final LedgerInvariants invariants;

    LedgerController(LedgerInvariants invariants) {
        this.invariants = invariants;
    }

    @GetMapping("/ops/v1/ledger/invariants")
    LedgerInvariants.Result invariants() {
        return invariants.check();
    }
}
