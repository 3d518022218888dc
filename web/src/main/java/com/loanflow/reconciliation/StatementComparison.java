package com.loanflow.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares the channel's statement with our records by request id. A statement row we did not send that day is
 * looked up by its request id before it counts as missing on our side (we may have created it the day before).
 */
final class StatementComparison {

    static final String NONE = "(none)";

    enum Kind {
        MISSING_ON_OUR_SIDE, MISSING_ON_CHANNEL_SIDE, AMOUNT_MISMATCH, STATUS_MISMATCH,
        /** The statement lists one request more than once: the channel may have paid or debited twice. */
        DUPLICATE_ON_CHANNEL_SIDE,
        /** Not a mismatch: the channel accepted it after the statement's day closed (sent just before midnight, or
         * retried past it); it must be on a later statement, and the next day's run holds it to that. */
        ON_NEXT_STATEMENT;

        boolean needsOps() {
            return this != ON_NEXT_STATEMENT;
        }
    }

    record Difference(String requestId, Kind kind, String ourSide, String channelSide) {

        Difference onNextStatement(String acceptedAt) {
            return new Difference(requestId, Kind.ON_NEXT_STATEMENT, ourSide, "accepted " + acceptedAt);
        }
    }

    private StatementComparison() {
    }

    static List<Difference> compare(List<ChannelStatement.Row> theirs, List<ReconciliationMapper.OurTransaction> ours,
                                    Function<String, Optional<ReconciliationMapper.OurTransaction>> lookup) {
        Map<String, ReconciliationMapper.OurTransaction> ourById = new LinkedHashMap<>();
        ours.forEach(t -> ourById.put(t.requestId(), t));
        Map<String, Difference> differences = new LinkedHashMap<>(); // one per request (uk_reconciliation_mismatch)
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (ChannelStatement.Row row : theirs) {
            if (!listed.add(row.requestId())) {
                // matched, or not, the first time: listed again, it is money that may have moved twice
                Difference first = differences.get(row.requestId());
                ReconciliationMapper.OurTransaction our = lookup.apply(row.requestId()).orElse(null);
                differences.put(row.requestId(), new Difference(row.requestId(), Kind.DUPLICATE_ON_CHANNEL_SIDE,
                        our == null ? NONE : our.masked(), row.masked() + " (listed twice"
                        + (first == null ? ")" : "; first " + first.kind() + ")")));
                continue;
            }
            ReconciliationMapper.OurTransaction our = ourById.remove(row.requestId());
            if (our == null) {
                our = lookup.apply(row.requestId()).orElse(null);
            }
            if (our == null) {
                differences.put(row.requestId(), new Difference(row.requestId(), Kind.MISSING_ON_OUR_SIDE, NONE,
                        row.masked()));
            } else if (our.amount().compareTo(row.amount()) != 0 || !our.type().equals(row.type())) {
                differences.put(row.requestId(), new Difference(row.requestId(), Kind.AMOUNT_MISMATCH, our.masked(),
                        row.masked()));
            } else if (!our.status().equals(row.status())) {
                differences.put(row.requestId(), new Difference(row.requestId(), Kind.STATUS_MISMATCH, our.masked(),
                        row.masked()));
            }
        }
        ourById.values().forEach(our -> differences.put(our.requestId(),
                new Difference(our.requestId(), Kind.MISSING_ON_CHANNEL_SIDE, our.masked(), NONE)));
        return new ArrayList<>(differences.values());
    }
}
