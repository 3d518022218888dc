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
 * to its own transactions, so it is flagged there if that statement lacks it too. When the day it was accepted on is
 * reconciled already (runs out of order), that day's statement is fetched again and must list it. Adjacent days read
 * each other's results, so a run records under a per-channel lock and only if what it read is still true (the
 * previous day's carried items, the later days' runs); otherwise it compares again.
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
    private final int catchUpDays;

    Reconciliations(ReconciliationMapper mapper, StatementSource statements, RuntimeService runtime,
                    TransactionTemplate transaction, ChannelStatusQueryClient channel, Clock clock,
                    @org.springframework.beans.factory.annotation.Value("${loanflow.reconciliation.catch-up-days:7}")
                    int catchUpDays) {
        if (catchUpDays < 1) {
            throw new IllegalArgumentException("loanflow.reconciliation.catch-up-days must be at least 1");
        }
        this.catchUpDays = catchUpDays;
        this.mapper = mapper;
        this.channel = channel;
        this.statements = statements;
        this.runtime = runtime;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Yesterday's statement, early in the morning (the channel closes its day at midnight), and any missed day. */
    @Scheduled(cron = "${loanflow.reconciliation.cron:0 30 2 * * *}")
    void reconcileYesterday() {
        reconcileRecentDays(LocalDate.now(clock).minusDays(1));
    }

    /**
     * Every day of the {@code catch-up-days} ending {@code lastDay} that has no run yet, oldest first: a night the
     * platform was down, or the channel's statement was not ready, is reconciled the next night instead of never (a
     * day already run costs one lookup). A day that fails is left for the next night and does not stop the later
     * days; LoanflowReconciliationDaysMissed (gauge loanflow_reconciliation_days_missed) tells ops when a day stays
     * unreconciled.
     *
     * @return the days reconciled by this call
     */
    List<LocalDate> reconcileRecentDays(LocalDate lastDay) {
        List<LocalDate> reconciled = new ArrayList<>();
        for (LocalDate day = lastDay.minusDays(catchUpDays - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (mapper.findRun(CHANNEL, day).isPresent()) {
                continue;
            }
            try {
                Report report = reconcile(day);
                if (!report.alreadyRun()) {
                    reconciled.add(day);
                }
                log.info("Reconciliation of {}: {} channel rows, {} ours, {} mismatches, {} carried to the next"
                                + " statement", report.statementDate(), report.channelRows(), report.ourRows(),
                        report.mismatches().size(), report.carriedToNextStatement().size());
            } catch (RuntimeException e) {
                log.warn("Reconciliation of {} failed; the next run tries it again: {}", day, e.toString());
            }
        }
        return reconciled;
    }

    public Report reconcile(LocalDate day) {
        var existing = mapper.findRun(CHANNEL, day);
        if (existing.isPresent()) {
            return report(existing.get(), true);
        }
        ChannelStatement statement = statements.fetch(day); // outside the transaction: no locks during HTTP
        Map<LocalDate, ChannelStatement> laterStatements = new HashMap<>();
        for (int attempt = 1; ; attempt++) {
            Comparison comparison = compare(day, statement, laterStatements);
            ReconciliationMapper.Run run = new ReconciliationMapper.Run(Ids.newId(), day, CHANNEL, statement.sha256(),
                    statement.rows().size(), comparison.ourRows(), comparison.needOps(), LocalDateTime.now(clock));
            try {
                transaction.executeWithoutResult(tx -> {
                    mapper.lockChannel(CHANNEL);
                    if (!comparison.stillTrue(mapper, day)) {
                        throw new StaleComparison();
                    }
                    record(run, comparison.differences());
                });
                return report(run, false);
            } catch (DuplicateKeyException concurrentRun) {
                return report(mapper.findRun(CHANNEL, day).orElseThrow(), true);
            } catch (StaleComparison stale) {
                if (attempt == 3) {
                    throw new IllegalStateException("Reconciliation of " + day + " kept racing a run of an adjacent "
                            + "day; run it again");
                }
                log.info("Reconciliation of {}: an adjacent day was reconciled meanwhile; comparing again", day);
            }
        }
    }

    /**
     * What one comparison read and found. {@code carriedIn}: the previous day's carried items it added to ours;
     * {@code carriedTo}: the dates its own carried items are expected on, none of them reconciled when it looked.
     */
    private record Comparison(List<Difference> differences, int ourRows, Set<String> carriedIn,
                              Set<LocalDate> carriedTo) {

        int needOps() {
            return (int) differences.stream().filter(d -> d.kind().needsOps()).count();
        }

        boolean stillTrue(ReconciliationMapper mapper, LocalDate day) {
            return carriedIn.equals(new HashSet<>(mapper.findCarriedRequestIds(CHANNEL, day.minusDays(1))))
                    && carriedTo.stream().noneMatch(date -> mapper.findRun(CHANNEL, date).isPresent());
        }
    }

    private static final class StaleComparison extends RuntimeException {
        StaleComparison() {
            super(null, null, false, false);
        }
    }

    private Comparison compare(LocalDate day, ChannelStatement statement,
                               Map<LocalDate, ChannelStatement> laterStatements) {
        List<ReconciliationMapper.OurTransaction> ours =
                new ArrayList<>(mapper.findOurTransactions(day.atStartOfDay(), day.plusDays(1).atStartOfDay()));
        Set<String> sentThatDay = new HashSet<>();
        ours.forEach(t -> sentThatDay.add(t.requestId()));
        Set<String> carriedIn = new HashSet<>(mapper.findCarriedRequestIds(CHANNEL, day.minusDays(1)));
        for (String carried : carriedIn) {
            if (!sentThatDay.contains(carried)) { // the previous run expects it on this statement
                mapper.findOurTransaction(carried).ifPresent(ours::add);
            }
        }
        Set<LocalDate> carriedTo = new HashSet<>();
        List<Difference> differences = new ArrayList<>();
        for (Difference d : StatementComparison.compare(statement.rows(), ours, mapper::findOurTransaction)) {
            differences.add(carryIfAcceptedLater(d, day, laterStatements, carriedTo)); // HTTP, no transaction
        }
        return new Comparison(differences, ours.size(), carriedIn, carriedTo);
    }

    /**
     * One of ours missing from the statement is carried when the channel's signed, final answer for that very request
     * says it accepted it after that day: to the next statement, or, when the accepted day is reconciled already, only
     * if that day's statement lists it. Anything else (unknown to the channel, never accepted, accepted that day or
     * before, no trustworthy answer) stays a mismatch for ops.
     */
    private Difference carryIfAcceptedLater(Difference difference, LocalDate day,
                                            Map<LocalDate, ChannelStatement> laterStatements, Set<LocalDate> carriedTo) {
        if (difference.kind() != Kind.MISSING_ON_CHANNEL_SIDE || Thread.currentThread().isInterrupted()) {
            return difference;
        }
        try {
            JsonNode answer = channel.answer(difference.requestId()).orElse(null);
            if (answer == null || !difference.requestId().equals(answer.path("requestId").asText())
                    || !FINAL.contains(answer.path("status").asText()) || answer.path("acceptedAt").asText("").isEmpty()) {
                return difference;
            }
            String acceptedAt = answer.path("acceptedAt").asText();
            LocalDate acceptedOn = acceptedDate(acceptedAt);
            if (!acceptedOn.isAfter(day)) {
                return difference;
            }
            if (mapper.findRun(CHANNEL, acceptedOn).isEmpty()) {
                carriedTo.add(acceptedOn);
                return difference.onNextStatement(acceptedAt);
            }
            ChannelStatement later = laterStatements.computeIfAbsent(acceptedOn, statements::fetch);
            boolean listed = later.rows().stream().anyMatch(r -> r.requestId().equals(difference.requestId()));
            return listed ? difference.onNextStatement(acceptedAt + ", on the reconciled statement of " + acceptedOn)
                    : difference;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // no further queries in this run; the rest stay mismatches
        } catch (Exception e) { // unreachable, unsigned, unparsable: nothing to conclude, ops decide
            log.warn("Status query for {} while reconciling {} gave no usable answer: {}", difference.requestId(), day,
                    e.toString());
        }
        return difference;
    }

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED");

    private LocalDate acceptedDate(String acceptedAt) {
        return com.loanflow.payment.ChannelTime.acceptedOn(acceptedAt, clock.getZone())
                .orElseThrow(() -> new IllegalArgumentException("acceptedAt is not a time: " + acceptedAt));
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
