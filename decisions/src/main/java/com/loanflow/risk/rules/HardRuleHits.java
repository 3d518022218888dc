package com.loanflow.risk.rules;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Collects the reason codes the hard rules fire in one session; sorted so decisions are stable. */
public final class HardRuleHits {

    private final SortedSet<String> codes = new TreeSet<>();

    public void add(String reasonCode) {
        codes.add(reasonCode);
    }

    public List<String> codes() {
        return List.copyOf(codes);
    }
}
