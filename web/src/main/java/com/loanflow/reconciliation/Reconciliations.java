package com.loanflow.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.payment.ChannelStatusQueryClient;
import com.loanflow.reconciliation.StatementComparison.Difference;
import com.loanflow.reconciliation.StatementComparison.Kind;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily reconciliation against the channel's statement file. One run per channel and date (unique key): a second
 * trigger returns the first run. Each mismatch starts Process_ReconciliationMismatch, whose user task shows ops both
 * sides (masked); the run, its mismatches and their processes commit together.
 *
 * <p>The channel dates a statement row by when it accepted the request, we by when we sent it: a payout sent at
 * 23:59:59, or retried past midnight, is on the next day's statement. Before one of ours missing from the statement
 * counts as a mismatch, the channel's signed status query is asked: if the channel accepted it after the day closed,
 * it is carried to the next statement (kind ON_NEXT_STATEMENT, resolved without ops), and the next day's run adds it
 * to its own transactions, so it is flagged there if that statement lacks it too.
 */
@Service
public class Reconciliations {

    public static final String PROCESS_KEY = "Process_ReconciliationMismatch";
    static final String CHANNEL = "sandbox";

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

    static final String TIMING_DIFFERENCE = "TIMING_DIFFERENCE";

    /** {@code mismatches} need ops (one task each); {@code carriedToNextStatement} are timing differences. */
    public record Report(String runId, LocalDate statementDate, String statementSha256, int channelRows, int ourRows,
                         boolean alreadyRun, List<ReconciliationMapper.Mismatch> mismatches,
                         List<ReconciliationMapper.Mismatch> carriedToNextStatement) {
    }

    private final ReconciliationMapper mapper;
    private final StatementSource statements;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final ChannelStatusQueryClient channel;
    private final Clock clock;

    Reconciliations(ReconciliationMapper mapper, StatementSource statements, RuntimeService runtime,
                    TransactionTemplate transaction, ChannelStatusQueryClient channel, Clock clock) {
        this.mapper = mapper;
        this.channel = channel;
        this.statements = statements;
        this.runtime = runtime;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Yesterday's statement, early in the morning (the channel closes its day at midnight). */
    @Scheduled(cron = "${loanflow.reconciliation.cron:0 30 2 * * *}")
    void reconcileYesterday() {
        try {
            Report report = reconcile(LocalDate.now(clock).minusDays(1));
            log.info("Reconciliation of {}: {} channel rows, {} ours, {} mismatches, {} carried to the next statement",
                    report.statementDate(), report.channelRows(), report.ourRows(), report.mismatches().size(),
                    report.carriedToNextStatement().size());
        } catch (RuntimeException e) {
            log.warn("Reconciliation of yesterday's statement failed: {}", e.toString());
        }
    }

    public Report reconcile(LocalDate day) {
        var existing = mapper.findRun(CHANNEL, day);
        if (existing.isPresent()) {
            return report(existing.get(), true);
        }
        ChannelStatement statement = statements.fetch(day); // outside the transaction: no locks during HTTP
        List<ReconciliationMapper.OurTransaction> ours =
                new ArrayList<>(mapper.findOurTransactions(day.atStartOfDay(), day.plusDays(1).atStartOfDay()));
        Set<String> sentThatDay = new HashSet<>();
        ours.forEach(t -> sentThatDay.add(t.requestId()));
        for (String carried : mapper.findCarriedRequestIds(CHANNEL, day.minusDays(1))) {
            if (!sentThatDay.contains(carried)) { // the previous run expects it on this statement
                mapper.findOurTransaction(carried).ifPresent(ours::add);
            }
        }
        List<Difference> differences = StatementComparison.compare(statement.rows(), ours, mapper::findOurTransaction)
                .stream().map(d -> carryIfAcceptedLater(d, day)).toList(); // status queries: HTTP, no transaction
        int needOps = (int) differences.stream().filter(d -> d.kind().needsOps()).count();
        ReconciliationMapper.Run run = new ReconciliationMapper.Run(Ids.newId(), day, CHANNEL, statement.sha256(),
                statement.rows().size(), ours.size(), needOps, LocalDateTime.now(clock));
        try {
            transaction.executeWithoutResult(tx -> record(run, differences));
        } catch (DuplicateKeyException concurrentRun) {
            return report(mapper.findRun(CHANNEL, day).orElseThrow(), true);
        }
        return report(run, false);
    }

    /**
     * One of ours missing from the statement is carried to the next statement when the channel's signed answer says
     * it accepted the request after that day; anything else (unknown to the channel, accepted that day or before, no
     * trustworthy answer) stays a mismatch for ops.
     */
    private Difference carryIfAcceptedLater(Difference difference, LocalDate day) {
        if (difference.kind() != Kind.MISSING_ON_CHANNEL_SIDE) {
            return difference;
        }
        try {
            Optional<JsonNode> answer = channel.answer(difference.requestId());
            String acceptedAt = answer.map(a -> a.path("acceptedAt").asText("")).orElse("");
            if (!acceptedAt.isEmpty() && LocalDateTime.parse(acceptedAt).toLocalDate().isAfter(day)) {
                return difference.onNextStatement(acceptedAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) { // unreachable, unsigned, unparsable: nothing to conclude, ops decide
            log.warn("Status query for {} while reconciling {} gave no usable answer: {}", difference.requestId(), day,
                    e.toString());
        }
        return difference;
    }

    private void record(ReconciliationMapper.Run run, List<Difference> differences) {
        mapper.insertRun(run);
        for (Difference d : differences) {
            String id = Ids.newId();
            if (!d.kind().needsOps()) {
                mapper.insertMismatch(new ReconciliationMapper.Mismatch(id, run.id(), d.requestId(), d.kind().name(),
                        d.ourSide(), d.channelSide(), null, TIMING_DIFFERENCE, "reconciliation"));
                continue;
            }
            mapper.insertMismatch(new ReconciliationMapper.Mismatch(id, run.id(), d.requestId(), d.kind().name(),
                    d.ourSide(), d.channelSide(), null, null, null));
            Map<String, Object> variables = new HashMap<>();
            variables.put("mismatchId", id);
            variables.put("statementDate", run.statementDate().toString());
            variables.put("requestId", d.requestId());
            variables.put("mismatchKind", d.kind().name());
            variables.put("ourSide", d.ourSide());
            variables.put("channelSide", d.channelSide());
            String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, id, variables).getId();
            mapper.recordProcessInstance(id, processInstanceId);
        }
    }

    private Report report(ReconciliationMapper.Run run, boolean alreadyRun) {
        List<ReconciliationMapper.Mismatch> all = mapper.findMismatches(run.id());
        return new Report(run.id(), run.statementDate(), run.statementSha256(), run.channelRows(), run.ourRows(),
                alreadyRun, all.stream().filter(m -> Kind.valueOf(m.kind()).needsOps()).toList(),
                all.stream().filter(m -> !Kind.valueOf(m.kind()).needsOps()).toList());
    }

    void recordResolution(String mismatchId, String resolution, String resolvedBy) {
        mapper.recordResolution(mismatchId, resolution, resolvedBy);
    }
}
