package com.loanflow.risk.rules;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Collects what the hard rules fire in one session: rejection codes (R_) and review flags (F_). Sorted so
 * decisions are stable whatever order Drools fires in.
 */
public final class HardRuleHits {

    private final SortedSet<String> rejections = new TreeSet<>();
    private final SortedSet<String> flags = new TreeSet<>();

    /** A rule that rejects whatever the model says. */
    public void add(String reasonCode) {
        rejections.add(reasonCode);
    }

    /** A fraud pattern that sends the case to a person, never a rejection by itself. */
    public void flag(String flagCode) {
        flags.add(flagCode);
    }

    public RuleHits result() {
        return new RuleHits(List.copyOf(rejections), List.copyOf(flags));
    }
}
