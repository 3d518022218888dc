package com.loanflow.operations;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.payment.DisbursingApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /actuator/prometheus (ADR 0025): every metric the alert rules in docker/prometheus/alerts.yml use is exported, the
 * gauges say what the database says, and an automatic decision is counted and timed.
 */
class MetricsTest extends RunningPlatform {

    static final Path ALERT_RULES = Path.of("..", "docker", "prometheus", "alerts.yml");

    @Autowired
    OperationalGauges gauges;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void everyMetricTheAlertRulesUseIsExportedAndADecisionIsCountedAndTimed() throws Exception {
        String before = scrape();
        double decisionsBefore = sum(before, "loanflow_risk_decisions_total");

        PlatformHttp http = new PlatformHttp(port);
        String token = http.onboard(PlatformHttp.beijingPhone(), readableIdNumber());
        var headers = new java.util.HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "metrics-" + UUID.randomUUID());
        assertThat(http.send("POST", "/api/v1/applications", headers, Map.of("amount", "800.00", "termMonths", 3,
                "bankCardNumber", "6222020000000056", "purpose", "CONSUMPTION")).status()).isEqualTo(202);
        String applicationId = http.send("GET", "/api/v1/applications", bearer(token), null).json().get(0)
                .path("applicationId").asText();
        DisbursingApplication.await("the automatic decision", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk_decision WHERE application_id = ?", Integer.class, applicationId) == 1);
        String outcome = jdbc.queryForObject("SELECT outcome FROM risk_decision WHERE application_id = ?", String.class,
                applicationId);
        gauges.refresh();
        gauges.checkLedger();

        String after = scrape();
        assertThat(sum(after, "loanflow_risk_decisions_total")).as("this application's decision counted")
                .isGreaterThanOrEqualTo(decisionsBefore + 1);
        assertThat(after).containsPattern("loanflow_risk_decisions_total\\{[^}]*outcome=\"" + outcome + "\"");
        assertThat(after).contains("loanflow_risk_decision_latency_seconds_bucket{");

        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\bloanflow_[a-z_]+").matcher(Files.readString(ALERT_RULES));
        while (names.find()) {
            used.add(names.group());
        }
        assertThat(used).as("metrics named in the alert rules").hasSizeGreaterThanOrEqualTo(15);
        for (String name : used) {
            assertThat(after).as("exported: " + name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    @Test
    void theGaugesSayWhatTheDatabaseSays() throws Exception {
        gauges.refresh();
        gauges.checkLedger();
        String metrics = scrape();

        assertThat(value(metrics, "loanflow_payment_callback_conflicts")).isEqualTo(
                count("SELECT COUNT(*) FROM payment_callback_conflict"));
        assertThat(value(metrics, "loanflow_reconciliation_mismatches_open")).isEqualTo(
                count("SELECT COUNT(*) FROM reconciliation_mismatch WHERE resolution IS NULL"));
        java.time.LocalDate today = java.time.LocalDate.now();
        java.time.LocalDate firstRun = jdbc.queryForObject("SELECT MIN(statement_date) FROM reconciliation_run",
                java.time.LocalDate.class);
        long reconciled = count("SELECT COUNT(DISTINCT statement_date) FROM reconciliation_run WHERE statement_date"
                + " BETWEEN '" + today.minusDays(7) + "' AND '" + today.minusDays(2) + "'");
        java.time.LocalDate from = firstRun == null || firstRun.isBefore(today.minusDays(7)) ? today.minusDays(7) : firstRun;
        assertThat(value(metrics, "loanflow_reconciliation_days_missed"))
                .isEqualTo(firstRun == null || from.isAfter(today.minusDays(2)) ? 0
                        : java.time.temporal.ChronoUnit.DAYS.between(from, today.minusDays(2)) + 1 - reconciled);
        assertThat(value(metrics, "loanflow_refunds_due")).isEqualTo(
                count("SELECT COUNT(*) FROM repayment WHERE status = 'REFUND_DUE'"));
        assertThat(value(metrics, "loanflow_refunds_awaiting_approval")).isEqualTo(
                count("SELECT COUNT(*) FROM refund WHERE status = 'PENDING'"));
        assertThat(value(metrics, "loanflow_ledger_invariant_violations")).as("the books balance").isZero();
        assertThat(value(metrics, "loanflow_gauges_refreshed_timestamp_seconds"))
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(120.0));
    }

    /**
     * A task no worker fetches (workers down) shows as available and ageing; once a worker locks it, it is no longer
     * counted (a task waiting out its retry backoff is locked too).
     */
    @Test
    void externalTasksNoWorkerFetchesAreCountedWithTheirAge() throws Exception {
        String key = "metricsUnfetchedTask";
        String deployment = repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask().camundaExternalTask("metrics-test-no-worker").endEvent().done()).deploy().getId();
        try {
            String instance = runtime.startProcessInstanceByKey(key).getId();
            // as if it had waited a year for a worker: older than anything else the suite leaves waiting
            jdbc.update("UPDATE ACT_RU_EXT_TASK SET CREATE_TIME_ = ? WHERE PROC_INST_ID_ = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(YEAR)), instance);
            gauges.refresh();
            String waiting = scrape();
            double available = value(waiting, "loanflow_external_tasks_available");
            assertThat(available).isGreaterThanOrEqualTo(1);
            assertThat(value(waiting, "loanflow_external_tasks_available_oldest_age_seconds")).isGreaterThanOrEqualTo(YEAR);

            assertThat(externalTasks.fetchAndLock(1, "metrics-test-worker").topic("metrics-test-no-worker", 60_000)
                    .execute()).hasSize(1);
            gauges.refresh();
            // (other tests' tasks come and go meanwhile: the count is not compared, the age says it is gone)
            assertThat(value(scrape(), "loanflow_external_tasks_available_oldest_age_seconds")).as("locked by a worker")
                    .isLessThan(YEAR);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ExternalTaskService externalTasks;

    static final long YEAR = 365L * 24 * 3600;

    private String scrape() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The value of an untagged series (our gauges carry only the common application tag). */
    private static double value(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("series " + name).isTrue();
        return Double.parseDouble(line.group(2));
    }

    /** The sum over every series of a metric (0 when it has none yet). */
    private static double sum(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        double total = 0;
        while (line.find()) {
            total += Double.parseDouble(line.group(2));
        }
        return total;
    }
}
