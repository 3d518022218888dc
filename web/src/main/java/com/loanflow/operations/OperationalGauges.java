package com.loanflow.operations;

import com.loanflow.ledger.LedgerInvariants;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state operations are alerted on, as Prometheus gauges (ADR 0025; rules in docker/prometheus/alerts.yml): money
 * that should have moved and has not, disputes, what we owe borrowers, queues borrowers wait in, and whether the
 * ledger still balances. Read from the database every {@code loanflow.metrics.refresh-interval} (30 s) and every
 * {@code loanflow.metrics.ledger-check-interval} (5 min) for the ledger, not on each scrape, so a scrape is cheap
 * and a slow database shows as stale gauges ({@code loanflow_gauges_refreshed_timestamp_seconds}), not as a
 * failed scrape. Ages are seconds since the oldest waiting item, 0 when none waits.
 */
@Component
public class OperationalGauges {

    private static final Logger log = LoggerFactory.getLogger(OperationalGauges.class);

    private final OperationalGaugesMapper mapper;
    private final LedgerInvariants ledger;
    private final RuntimeService runtime;
    private final ExternalTaskService externalTasks;
    private final Clock clock;
    private final Duration stuckAfter;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final long startedAt;
    private static final long UNREAD = Long.MIN_VALUE;

    OperationalGauges(OperationalGaugesMapper mapper, LedgerInvariants ledger, RuntimeService runtime,
                      ExternalTaskService externalTasks, Clock clock, MeterRegistry registry,
                      @Value("${loanflow.metrics.stuck-after:PT30M}") Duration stuckAfter) {
        this.mapper = mapper;
        this.ledger = ledger;
        this.runtime = runtime;
        this.externalTasks = externalTasks;
        this.clock = clock;
        this.registry = registry;
        this.stuckAfter = stuckAfter;
        this.startedAt = clock.instant().getEpochSecond();
        gauge("loanflow.payouts.stuck", "Payouts requested or sent longer ago than stuck-after, without a result");
        gauge("loanflow.payouts.last.hour", "Payouts requested in the last hour, by result", "result", "succeeded");
        gauge("loanflow.payouts.last.hour", "Payouts requested in the last hour, by result", "result", "failed");
        gauge("loanflow.withholdings.stuck", "Card withholdings requested or sent longer ago than stuck-after");
        gauge("loanflow.payment.callback.conflicts", "Final channel answers that contradicted the one applied (all time)");
        gauge("loanflow.reconciliation.mismatches.open", "Reconciliation mismatches not resolved");
        gauge("loanflow.reconciliation.last.run.timestamp.seconds",
                "When reconciliation last ran; this node's start when it never has");
        gauge("loanflow.reconciliation.days.missed",
                "Statement dates of the last week (to the day before yesterday) the nightly runs left unreconciled");
        gauge("loanflow.refunds.due", "Repayments whose money is owed back to the borrower (REFUND_DUE)");
        gauge("loanflow.refunds.due.oldest.age.seconds", "Seconds since the oldest money owed back arrived");
        gauge("loanflow.refunds.awaiting.approval", "Refunds recorded and awaiting a second operator");
        gauge("loanflow.bank.transfers.pending", "Bank transfers recorded and awaiting a second operator");
        gauge("loanflow.bank.transfers.pending.oldest.age.seconds", "Seconds since the oldest pending transfer was recorded");
        gauge("loanflow.review.queue", "Applications waiting for a reviewer");
        gauge("loanflow.review.oldest.age.seconds", "Seconds the longest-waiting application has been in review");
        gauge("loanflow.installments.overdue", "Installments of active loans past their due date and not paid");
        gauge("loanflow.reminders.failed.last.day", "Repayment reminders that failed to send in the last 24 hours");
        gauge("loanflow.outbox.unpublished", "Events written but not yet confirmed by the broker");
        gauge("loanflow.outbox.oldest.age.seconds", "Seconds the oldest unpublished event has waited");
        gauge("loanflow.engine.incidents", "Open process engine incidents (failed jobs and external tasks)");
        gauge("loanflow.external.tasks.available",
                "External tasks a worker could fetch now (not locked, retries left, not suspended)");
        gauge("loanflow.external.tasks.available.oldest.age.seconds",
                "Seconds since the oldest fetchable external task was created; grows while no worker fetches");
        gauge("loanflow.ledger.invariant.violations", "Ledger invariant violations found by the last check");
        gauge("loanflow.gauges.refreshed.timestamp.seconds", "When the gauges were last read from the database");
        gauge("loanflow.ledger.checked.timestamp.seconds", "When the ledger invariants were last checked");
    }

    @Scheduled(fixedDelayString = "${loanflow.metrics.refresh-interval:PT30S}", initialDelayString = "PT5S")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the gauges keep their last values; loanflow_gauges_refreshed_timestamp_seconds ages and alerts
            log.warn("Operational gauges not refreshed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${loanflow.metrics.ledger-check-interval:PT5M}", initialDelayString = "PT20S")
    void scheduledLedgerCheck() {
        try {
            checkLedger();
        } catch (RuntimeException e) {
            log.warn("Ledger invariants not checked for the metrics: {}", e.toString());
        }
    }

    /**
     * Days from {@code from} to {@code to} without a run, the nightly catch-up having had its chances (ADR 0015
     * addendum); days before the first run ever are not counted (a new installation), nor is anything before any run
     * (LoanflowReconciliationNotRun covers that).
     */
    static long daysMissed(LocalDate firstStatementDate, long daysReconciled, LocalDate from, LocalDate to) {
        if (firstStatementDate == null) {
            return 0;
        }
        LocalDate start = from.isBefore(firstStatementDate) ? firstStatementDate : from;
        return start.isAfter(to) ? 0
                : Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start, to) + 1 - daysReconciled);
    }

    /** Reads every gauge but the ledger's from the database and the engine now. */
    public void refresh() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate missedFrom = now.toLocalDate().minusDays(7);
        LocalDate missedTo = now.toLocalDate().minusDays(2);
        OperationalGaugesMapper.Snapshot s = mapper.snapshot(now, now.minus(stuckAfter), now.minusHours(1),
                now.minusDays(1), now.toLocalDate(), missedFrom, missedTo);
        set("loanflow.payouts.stuck", s.payoutsStuck());
        set("loanflow.payouts.last.hour|succeeded", s.payoutsSucceededLastHour());
        set("loanflow.payouts.last.hour|failed", s.payoutsFailedLastHour());
        set("loanflow.withholdings.stuck", s.withholdingsStuck());
        set("loanflow.payment.callback.conflicts", s.paymentCallbackConflicts());
        set("loanflow.reconciliation.mismatches.open", s.reconciliationMismatchesOpen());
        set("loanflow.reconciliation.days.missed", daysMissed(s.firstStatementDate(), s.recentDaysReconciled(),
                missedFrom, missedTo));
        set("loanflow.reconciliation.last.run.timestamp.seconds", s.lastReconciliationAt() == null ? startedAt
                : s.lastReconciliationAt().atZone(clock.getZone()).toEpochSecond());
        set("loanflow.refunds.due", s.refundsDue());
        set("loanflow.refunds.due.oldest.age.seconds", age(s.oldestRefundDueAt(), now));
        set("loanflow.refunds.awaiting.approval", s.refundsAwaitingApproval());
        set("loanflow.bank.transfers.pending", s.bankTransfersPending());
        set("loanflow.bank.transfers.pending.oldest.age.seconds", age(s.oldestBankTransferAt(), now));
        set("loanflow.review.queue", s.applicationsInReview());
        set("loanflow.review.oldest.age.seconds", age(s.oldestInReviewAt(), now));
        set("loanflow.installments.overdue", s.installmentsOverdue());
        set("loanflow.reminders.failed.last.day", s.remindersFailedLastDay());
        set("loanflow.outbox.unpublished", s.outboxUnpublished());
        set("loanflow.outbox.oldest.age.seconds", age(s.oldestUnpublishedAt(), now));
        set("loanflow.engine.incidents", runtime.createIncidentQuery().count());
        // what waits for a worker: none running (standalone workers down, wrong credentials) leaves this growing;
        // a task waiting out its retry backoff is locked until then and not counted
        var fetchable = externalTasks.createExternalTaskQuery().notLocked().withRetriesLeft().active();
        set("loanflow.external.tasks.available", fetchable.count());
        var oldest = fetchable.orderByCreateTime().asc().listPage(0, 1);
        set("loanflow.external.tasks.available.oldest.age.seconds", oldest.isEmpty() || oldest.get(0).getCreateTime() == null
                ? 0 : age(LocalDateTime.ofInstant(oldest.get(0).getCreateTime().toInstant(), clock.getZone()), now));
        set("loanflow.gauges.refreshed.timestamp.seconds", clock.instant().getEpochSecond());
    }

    /** Runs the ledger invariants (every entry balances, receivables match the loans) and publishes the count. */
    public void checkLedger() {
        LedgerInvariants.Result result = ledger.check();
        if (!result.holds()) {
            log.error("Ledger invariants violated ({}): {}", result.violations().size(),
                    result.violations().subList(0, Math.min(5, result.violations().size())));
        }
        set("loanflow.ledger.invariant.violations", result.violations().size());
        set("loanflow.ledger.checked.timestamp.seconds", clock.instant().getEpochSecond());
    }

    /** Seconds since {@code since}; 0 when nothing waits. */
    private static long age(LocalDateTime since, LocalDateTime now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** NaN until the first read: a 0 before it would look like a real value (and a jump from it like a change). */
    private void gauge(String name, String description, String... tags) {
        AtomicLong value = new AtomicLong(UNREAD);
        values.put(tags.length == 0 ? name : name + "|" + tags[1], value);
        Gauge.builder(name, value, v -> v.get() == UNREAD ? Double.NaN : v.get()).description(description).tags(tags)
                .register(registry);
    }

    private void set(String key, long value) {
        values.get(key).set(value);
    }
}
