package com.loanflow.risk.rules;

import java.util.ArrayList;
import java.util.List;

/** What the hard rules fired: rejection codes and review-flag codes, each sorted; both empty for a clean case. */
public record RuleHits(List<String> rejections, List<String> flags) {

    public boolean rejected() {
        return !rejections.isEmpty();
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** Rejections then flags, as stored in the decision record. */
    public List<String> all() {
        List<String> all = new ArrayList<>(rejections);
        all.addAll(flags);
        return List.copyOf(all);
    }
}
