package com.loanflow.reconciliation;

import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
@Service
public class Reconciliations {

    public static final String PROCESS_KEY = "Process_ReconciliationMismatch";
    static final String CHANNEL = "sandbox";

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

    public record Report(String runId, LocalDate statementDate, String statementSha256, int channelRows, int ourRows,
                         boolean alreadyRun, List<ReconciliationMapper.Mismatch> mismatches) {
    }

    private final ReconciliationMapper mapper;
    private final StatementSource statements;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reconciliations(ReconciliationMapper mapper, StatementSource statements, RuntimeService runtime,
                    TransactionTemplate transaction, Clock clock) {
        this.mapper = mapper;
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
            log.info("Reconciliation of {}: {} channel rows, {} ours, {} mismatches", report.statementDate(),
                    report.channelRows(), report.ourRows(), report.mismatches().size());
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
        var ours = mapper.findOurTransactions(day.atStartOfDay(), day.plusDays(1).atStartOfDay());
        var differences = StatementComparison.compare(statement.rows(), ours, mapper::findOurTransaction);
        ReconciliationMapper.Run run = new ReconciliationMapper.Run(Ids.newId(), day, CHANNEL, statement.sha256(),
                statement.rows().size(), ours.size(), differences.size(), LocalDateTime.now(clock));
        try {
            transaction.executeWithoutResult(tx -> record(run, differences));
        } catch (DuplicateKeyException concurrentRun) {
            return report(mapper.findRun(CHANNEL, day).orElseThrow(), true);
        }
        return report(run, false);
    }

    private void record(ReconciliationMapper.Run run, List<StatementComparison.Difference> differences) {
        mapper.insertRun(run);
        for (StatementComparison.Difference d : differences) {
            String id = Ids.newId();
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
        return new Report(run.id(), run.statementDate(), run.statementSha256(), run.channelRows(), run.ourRows(),
                alreadyRun, mapper.findMismatches(run.id()));
    }

    void recordResolution(String mismatchId, String resolution, String resolvedBy) {
        mapper.recordResolution(mismatchId, resolution, resolvedBy);
    }
}
