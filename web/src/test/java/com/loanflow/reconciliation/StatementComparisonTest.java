package com.loanflow.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison itself, row by row: one difference per request, a request listed twice is one of them. */
class StatementComparisonTest {

    private static ChannelStatement.Row theirs(String requestId, String amount) {
        return new ChannelStatement.Row(requestId, "PAYOUT", new BigDecimal(amount), "SUCCEEDED", "SBX" + requestId, "0007");
    }

    private static ReconciliationMapper.OurTransaction ours(String requestId, String amount) {
        return new ReconciliationMapper.OurTransaction(requestId, "PAYOUT", new BigDecimal(amount), "SUCCEEDED",
                "SBX" + requestId, "6222 **** **** 0007");
    }

    @Test
    void aRequestTheStatementListsTwiceIsADuplicateEvenWhenTheFirstRowMatched() {
        var ours = List.of(ours("PO1", "1000.00"), ours("PO2", "800.00"));
        Map<String, ReconciliationMapper.OurTransaction> byId = Map.of("PO1", ours.get(0), "PO2", ours.get(1));

        List<StatementComparison.Difference> differences = StatementComparison.compare(
                List.of(theirs("PO1", "1000.00"), theirs("PO2", "790.00"), theirs("PO1", "1000.00"),
                        theirs("PO2", "790.00")),
                ours, id -> Optional.ofNullable(byId.get(id)));

        assertThat(differences).extracting(StatementComparison.Difference::requestId)
                .containsExactlyInAnyOrder("PO1", "PO2");
        assertThat(differences).allSatisfy(d ->
                assertThat(d.kind()).isEqualTo(StatementComparison.Kind.DUPLICATE_ON_CHANNEL_SIDE));
        assertThat(side(differences, "PO1")).endsWith("(listed twice)");
        assertThat(side(differences, "PO2")).as("what the first row was, kept").endsWith(
                "(listed twice; first AMOUNT_MISMATCH)");
    }

    private static String side(List<StatementComparison.Difference> differences, String requestId) {
        return differences.stream().filter(d -> d.requestId().equals(requestId)).findFirst().orElseThrow()
                .channelSide();
    }

    @Test
    void eachRowListedOnceMatchesOrDiffersAsBefore() {
        var ours = List.of(ours("PO1", "1000.00"), ours("PO3", "500.00"));
        List<StatementComparison.Difference> differences = StatementComparison.compare(
                List.of(theirs("PO1", "1000.00"), theirs("PO4", "300.00")), ours, id -> Optional.empty());

        assertThat(differences).extracting(StatementComparison.Difference::requestId, StatementComparison.Difference::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PO4", StatementComparison.Kind.MISSING_ON_OUR_SIDE),
                        org.assertj.core.groups.Tuple.tuple("PO3", StatementComparison.Kind.MISSING_ON_CHANNEL_SIDE));
    }
}
