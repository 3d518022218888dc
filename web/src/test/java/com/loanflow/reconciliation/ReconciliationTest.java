package com.loanflow.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalEntry;
import com.loanflow.ledger.Ledger;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mismatches injected into one day's records on both sides (our disbursements, the sandbox channel's own store)
 * become exactly that many ops tasks, each showing both sides masked; the date reconciles once.
 */
@PlatformTest
class ReconciliationTest {

    static final String MERCHANT = "loanflow-sandbox-merchant";

    @LocalServerPort
    int port;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.loanflow.payment.PaidOutLoans paidOutLoans;

    @Autowired
    FieldCipher cipher;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    ObjectMapper json;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transaction;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyInjectedMismatchBecomesOneOpsTaskWithBothSidesAndTheDateReconcilesOnce() throws Exception {
        // a day no other test writes to: the reconciliation compares the whole day
        LocalDate day = LocalDate.now().minusDays(300 + ThreadLocalRandom.current().nextInt(95)); // its own window of days
        String matched = ours(day, "1000.00", "SUCCEEDED");
        channel(day, matched, "PAYOUT", "1000.00", "SUCCEED");
        String amountDiffers = ours(day, "1000.00", "SUCCEEDED");
        channel(day, amountDiffers, "PAYOUT", "990.00", "SUCCEED");
        String statusDiffers = ours(day, "800.00", "SENT");
        channel(day, statusDiffers, "PAYOUT", "800.00", "SUCCEED");
        String onlyOurs = ours(day, "700.00", "SUCCEEDED");
        String onlyTheirs = "WH" + Ids.newId().replace("-", "").toUpperCase();
        channel(day, onlyTheirs, "WITHHOLDING", "175.53", "SUCCEED");
        String failedBoth = ours(day, "600.00", "FAILED");
        channel(day, failedBoth, "PAYOUT", "600.00", "FAIL_CARD_INVALID");

        HttpResponse<String> first = reconcile(day.toString(), "ops1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RECONCILIATION_RUN'"
                + " AND subject_id = ? AND actor = 'ops1'", Integer.class, day.toString())).as("audited").isEqualTo(1);
        JsonNode report = json.readTree(first.body());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/reconciliation-report-example.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(report)); // the README's example output
        assertThat(report.path("alreadyRun").asBoolean()).isFalse();
        assertThat(report.path("channelRows").asInt()).isEqualTo(5);
        assertThat(report.path("ourRows").asInt()).isEqualTo(5);
        Map<String, String> kinds = kinds(report);
        assertThat(kinds).containsOnly(Map.entry(amountDiffers, "AMOUNT_MISMATCH"),
                Map.entry(statusDiffers, "STATUS_MISMATCH"), Map.entry(onlyOurs, "MISSING_ON_CHANNEL_SIDE"),
                Map.entry(onlyTheirs, "MISSING_ON_OUR_SIDE"));

        List<Task> opened = tasksOf(report);
        assertThat(opened).hasSize(4).allSatisfy(task -> {
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ResolveMismatch");
            assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("ops");
        });
        Task amountTask = taskFor(opened, amountDiffers);
        Map<String, Object> shown = forms.getTaskFormVariables(amountTask.getId());
        assertThat((String) shown.get("ourSide")).startsWith("PAYOUT 1000.00 CNY SUCCEEDED card ")
                .contains("**** ****").doesNotContain(card(amountDiffers));
        assertThat((String) shown.get("channelSide")).startsWith("PAYOUT 990.00 CNY SUCCEEDED card ****")
                .doesNotContain(card(amountDiffers));
        assertThat(shown).containsEntry("mismatchKind", "AMOUNT_MISMATCH").containsEntry("statementDate", day.toString());
        assertThat((String) forms.getTaskFormVariables(taskFor(opened, onlyTheirs).getId()).get("ourSide"))
                .isEqualTo("(none)");

        HttpResponse<String> second = reconcile(day.toString(), "ops1");
        JsonNode again = json.readTree(second.body());
        assertThat(again.path("alreadyRun").asBoolean()).isTrue();
        assertThat(again.path("runId").asText()).isEqualTo(report.path("runId").asText());
        assertThat(tasksOf(again)).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_run WHERE statement_date = ?", Integer.class,
                day)).isEqualTo(1);

        // as Tasklist submits it: the operator is authenticated, and the engine logs who completed the task
        Task onlyOursTask = taskFor(opened, onlyOurs);
        Task missingTask = taskFor(opened, onlyTheirs);
        String statusMismatchId = jdbc.queryForObject("SELECT id FROM reconciliation_mismatch WHERE request_id = ?",
                String.class, statusDiffers);
        identity.setAuthentication("ops1", List.of("ops"));
        try {
            forms.submitTaskForm(amountTask.getId(), Map.of("resolution", "CORRECTED_BY_CHANNEL"));
            // through the engine REST API's complete, bypassing the form: a mismatchId variable does not redirect the
            // resolution to another mismatch, and a write-off is not ops' to make
            tasks.complete(onlyOursTask.getId(), Map.of("resolution", "CORRECTED_ON_OUR_SIDE",
                    "mismatchId", statusMismatchId));
            tasks.complete(missingTask.getId(), Map.of("resolution", "WRITTEN_OFF"));
        } finally {
            identity.clearAuthentication();
        }
        String refusedInstance = tasks.createTaskQuery().taskId(missingTask.getId()).count() == 0
                ? missingTask.getProcessInstanceId() : null;
        com.loanflow.payment.DisbursingApplication.await("the write-off to be refused", () -> management.createJobQuery()
                .processInstanceId(refusedInstance).withException().count() == 1);
        assertThat(management.createJobQuery().processInstanceId(refusedInstance).singleResult().getExceptionMessage())
                .contains("is not one Task_ResolveMismatch offers");
        assertThat(jdbc.queryForObject("SELECT resolution FROM reconciliation_mismatch WHERE request_id = ?",
                String.class, onlyTheirs)).isNull();
        com.loanflow.payment.DisbursingApplication.await("both resolutions recorded", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM reconciliation_mismatch WHERE request_id IN (?, ?) AND resolution IS NOT NULL",
                Integer.class, amountDiffers, onlyOurs) == 2);
        assertThat(jdbc.queryForMap("SELECT resolution, resolved_by FROM reconciliation_mismatch WHERE request_id = ?",
                amountDiffers)).containsEntry("RESOLUTION", "CORRECTED_BY_CHANNEL").containsEntry("RESOLVED_BY", "ops1");
        assertThat(jdbc.queryForObject("SELECT resolution FROM reconciliation_mismatch WHERE request_id = ?",
                String.class, onlyOurs)).isEqualTo("CORRECTED_ON_OUR_SIDE");
        assertThat(jdbc.queryForObject("SELECT resolution FROM reconciliation_mismatch WHERE request_id = ?",
                String.class, statusDiffers)).as("not redirected by a variable").isNull();
    }

    @Test
    void aPayoutTheChannelAcceptedAfterMidnightIsCarriedToTheNextStatementAndHeldToIt() throws Exception {
        LocalDate day = LocalDate.now().minusDays(200 + ThreadLocalRandom.current().nextInt(95)); // its own window of days
        LocalDate next = day.plusDays(1);
        // sent a second before midnight, accepted by the channel two seconds after it: on the next day's statement
        String straddling = ours(day.atTime(23, 59, 59), "1000.00", "SUCCEEDED");
        channel(next.atTime(0, 0, 2), next.atTime(0, 0, 2), straddling, "PAYOUT", "1000.00", "SUCCEED");
        // first received busy before midnight, accepted on a retry after it, but missing from the next statement after
        // all (deleted below)
        String lostOnNext = ours(day.atTime(23, 58, 0), "800.00", "SENT");
        channel(day.atTime(23, 58, 1), next.atTime(0, 1, 30), lostOnNext, "PAYOUT", "800.00", "SUCCEED");
        // never reached the channel: a mismatch on its own day, as before
        String unknown = ours(day.atTime(12, 0), "700.00", "SENT");

        JsonNode first = json.readTree(reconcile(day.toString(), "ops1").body());

        assertThat(kinds(first)).containsOnly(Map.entry(unknown, "MISSING_ON_CHANNEL_SIDE"));
        assertThat(tasksOf(first)).hasSize(1);
        assertThat(first.path("carriedToNextStatement")).hasSize(2).allSatisfy(carried -> {
            assertThat(carried.path("kind").asText()).isEqualTo("ON_NEXT_STATEMENT");
            assertThat(carried.path("resolution").asText()).isEqualTo("TIMING_DIFFERENCE");
            assertThat(carried.hasNonNull("processInstanceId")).isFalse(); // no ops task
        });
        assertThat(first.path("carriedToNextStatement").get(0).path("channelSide").asText()
                + first.path("carriedToNextStatement").get(1).path("channelSide").asText())
                .contains("accepted " + next + "T00:00:02").contains("accepted " + next + "T00:01:30");
        assertThat(jdbc.queryForObject("SELECT mismatches FROM reconciliation_run WHERE statement_date = ?",
                Integer.class, day)).isEqualTo(1);

        jdbc.update("DELETE FROM sandbox_channel_payout WHERE request_id = ?", lostOnNext);
        JsonNode second = json.readTree(reconcile(next.toString(), "ops1").body());

        // the straddling payout matches the next statement; the lost one is flagged there, once
        assertThat(second.path("ourRows").asInt()).isEqualTo(2);
        assertThat(second.path("channelRows").asInt()).isEqualTo(1);
        assertThat(kinds(second)).containsOnly(Map.entry(lostOnNext, "MISSING_ON_CHANNEL_SIDE"));
        assertThat(second.path("carriedToNextStatement")).isEmpty();
        assertThat(tasksOf(second)).hasSize(1);
    }

    @Test
    void whenTheNextDayWasReconciledFirstItsStatementDecidesWhatIsCarried() throws Exception {
        LocalDate day = LocalDate.now().minusDays(100 + ThreadLocalRandom.current().nextInt(95)); // its own window of days
        LocalDate next = day.plusDays(1);
        String listedOnNext = ours(day.atTime(23, 59, 59), "1000.00", "SUCCEEDED");
        channel(next.atTime(0, 0, 3), next.atTime(0, 0, 3), listedOnNext, "PAYOUT", "1000.00", "SUCCEED");
        // the channel answers that it accepted this one after midnight, yet its statement of that day lacks it
        // (simulated: the row is filed under another merchant, which the status query does not look at)
        String claimedButNotListed = ours(day.atTime(23, 59, 58), "900.00", "SUCCEEDED");
        channel(next.atTime(0, 0, 4), next.atTime(0, 0, 4), claimedButNotListed, "PAYOUT", "900.00", "SUCCEED");
        jdbc.update("UPDATE sandbox_channel_payout SET merchant_id = 'another-merchant' WHERE request_id = ?",
                claimedButNotListed);

        JsonNode nextFirst = json.readTree(reconcile(next.toString(), "ops1").body());
        assertThat(kinds(nextFirst)).isEmpty(); // listedOnNext matched through its request id
        JsonNode dayAfter = json.readTree(reconcile(day.toString(), "ops1").body());

        assertThat(kinds(dayAfter)).containsOnly(Map.entry(claimedButNotListed, "MISSING_ON_CHANNEL_SIDE"));
        assertThat(dayAfter.path("carriedToNextStatement")).hasSize(1);
        JsonNode carried = dayAfter.path("carriedToNextStatement").get(0);
        assertThat(carried.path("requestId").asText()).isEqualTo(listedOnNext);
        assertThat(carried.path("channelSide").asText()).contains("on the reconciled statement of " + next);
    }

    @Test
    void withholdingsWeRecordedAsNeverAcceptedAreNotExpectedOnTheStatement() throws Exception {
        LocalDate day = LocalDate.now().minusDays(10 + ThreadLocalRandom.current().nextInt(85)); // its own window (300-394 is another test's)
        var loan = paidOutLoans.paidOut("600.00");
        String refused = failedWithholding(loan, day, "REFUSED", 1);
        String expired = failedWithholding(loan, day, "EXPIRED", 2);
        String failedByTheChannel = failedWithholding(loan, day, "INSUFFICIENT_BALANCE", 3);
        String failedWithoutCode = failedWithholding(loan, day, null, 4);

        Map<String, String> kinds = kinds(json.readTree(reconcile(day.toString(), "ops1").body()));

        assertThat(kinds).as("the channel never had these").doesNotContainKeys(refused, expired);
        assertThat(kinds).as("the channel answered these: they must be on its statement")
                .containsEntry(failedByTheChannel, "MISSING_ON_CHANNEL_SIDE")
                .containsEntry(failedWithoutCode, "MISSING_ON_CHANNEL_SIDE");
    }

    private String failedWithholding(com.loanflow.payment.PaidOutLoans.PaidOut loan, LocalDate day, String failureCode, int attempt) {
        String repaymentId = Ids.newId();
        String requestId = "WH" + Ids.newId().replace("-", "").toUpperCase();
        java.time.LocalDateTime at = day.atTime(11, 0);
        jdbc.update("INSERT INTO repayment (id, loan_id, borrower_id, idempotency_key, amount, principal_part,"
                + " interest_part, penalty_part, status, received_at, method) VALUES (?, ?, ?, ?, 175.53, 0, 0, 0,"
                + " 'FAILED', ?, 'CARD_WITHHOLDING')", repaymentId, loan.loanId(), loan.application().borrowerId,
                "fixture-" + repaymentId, at);
        jdbc.update("INSERT INTO withholding (id, repayment_id, loan_id, installment_seq, attempt, request_id, channel,"
                + " amount, status, failure_code, created_at, updated_at, version) VALUES (?, ?, ?, 1, ?, ?, 'sandbox',"
                + " 175.53, 'FAILED', ?, ?, ?, 1)", Ids.newId(), repaymentId, loan.loanId(), attempt, requestId,
                failureCode, at, at);
        return requestId;
    }

    @Autowired
    Reconciliations reconciliations;

    @Test
    void theNightlyRunReconcilesEveryMissedDayOfTheLastWeekOldestFirstAndNothingTwice() {
        // a week no other test writes to, ending on a made-up "yesterday"; its third day was reconciled on time
        LocalDate yesterday = LocalDate.now().minusDays(1_000 + ThreadLocalRandom.current().nextInt(500));
        LocalDate onTime = yesterday.minusDays(4);
        reconciliations.reconcile(onTime);

        // the platform was down for the nights after it: the next night's run catches up
        assertThat(reconciliations.reconcileRecentDays(yesterday)).containsExactly(yesterday.minusDays(6),
                yesterday.minusDays(5), yesterday.minusDays(3), yesterday.minusDays(2), yesterday.minusDays(1), yesterday);
        assertThat(jdbc.queryForList("SELECT statement_date FROM reconciliation_run WHERE statement_date BETWEEN ? AND ?"
                + " ORDER BY statement_date", LocalDate.class, yesterday.minusDays(7), yesterday))
                .as("one run per day of the week, none before it").hasSize(7).doesNotHaveDuplicates()
                .startsWith(yesterday.minusDays(6));
        assertThat(reconciliations.reconcileRecentDays(yesterday)).as("the next night: nothing left").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_run WHERE statement_date BETWEEN ? AND ?",
                Integer.class, yesterday.minusDays(7), yesterday)).isEqualTo(7);
    }

    @Test
    void theEndpointIsForOpsAndRefusesABadDate() throws Exception {
        assertThat(reconcile("2026-01-01", null).statusCode()).isEqualTo(401);
        assertThat(reconcile("2026-01-01", "reviewer1").statusCode()).isEqualTo(403);
        for (LocalDate notOver : new LocalDate[] {LocalDate.now(), LocalDate.now().plusDays(1),
                LocalDate.now().minusDays(401), LocalDate.of(1900, 1, 1)}) {
            HttpResponse<String> early = reconcile(notOver.toString(), "ops1");
            assertThat(early.statusCode()).as(early.body()).isEqualTo(400);
            assertThat(json.readTree(early.body()).path("fieldErrors").findValuesAsText("field")).containsExactly("date");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_run WHERE statement_date = ?",
                    Integer.class, notOver)).as("no run kept for a day not over").isZero();
        }
        HttpResponse<String> bad = reconcile("2026-13-45", "ops1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"date\"");
    }

    @Test
    void aStatementWhoseRowCountDisagreesWithItsHeaderIsRefused() {
        String csv = "# statement merchant=m date=2026-01-01 rows=2\n" + ChannelStatement.COLUMNS + "\n"
                + "PO1,PAYOUT,1000.00,CNY,SUCCEEDED,SBX1,0007,2026-01-01T10:00\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelStatement.parse("x", csv))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announces 2");
    }

    @Test
    void aStatementLineWithMoreOfTheCardThanItsLastFourOrABadAmountOrNoRowCountIsRefused() {
        String header = "# statement merchant=m date=2026-01-01 rows=1\n" + ChannelStatement.COLUMNS + "\n";
        for (String line : new String[] {"PO1,PAYOUT,1000.00,CNY,SUCCEEDED,SBX1,6222020000000007,2026-01-01T10:00",
                "PO1,PAYOUT,1000.00,CNY,SUCCEEDED,SBX1,00O7,2026-01-01T10:00",
                "PO1,PAYOUT,1e3,CNY,SUCCEEDED,SBX1,0007,2026-01-01T10:00"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelStatement.parse("x", header + line + "\n"))
                    .as(line).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed")
                    .message().doesNotContain("6222020000000007");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelStatement.parse("x",
                        "# statement merchant=m date=2026-01-01\n" + ChannelStatement.COLUMNS + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not announce");
        assertThat(ChannelStatement.parse("x", header + "PO1,PAYOUT,1000.00,CNY,SUCCEEDED,SBX1,0007,2026-01-01T10:00\n")
                .rows()).singleElement().satisfies(r -> assertThat(r.cardLast4()).isEqualTo("0007"));
    }

    private final Map<String, String> cards = new java.util.HashMap<>();

    /** One of our payouts on that day, for a fresh application (the fixture makes borrower + application). */
    private String ours(LocalDate day, String amount, String status) {
        return ours(day.atTime(10, 0), amount, status);
    }

    private String ours(java.time.LocalDateTime sentAt, String amount, String status) {
        String card = "62220200" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var application = new DisbursingApplication(jdbc, cipher, runtime, amount, card);
        String id = Ids.newId();
        String requestId = "PO" + id.replace("-", "").toUpperCase();
        jdbc.update("INSERT INTO disbursement (id, application_id, request_id, channel, amount, bank_card_enc, status,"
                        + " created_at, updated_at, version, fee_amount) VALUES (?, ?, ?, 'sandbox', ?, ?, ?, ?, ?, 1, 0)",
                id, application.applicationId, requestId, new BigDecimal(amount),
                cipher.encrypt(card, FieldCipher.context("disbursement", "bank_card", id)), status,
                // a SENT payout last touched now: the status query (after 3 s) must not settle it before the run
                sentAt, status.equals("SENT") ? java.time.LocalDateTime.now().withNano(0) : sentAt);
        if (status.equals("SUCCEEDED")) {
            // as the callback would have posted it, so the ledger invariants keep holding for everyone
            transaction.executeWithoutResult(tx -> ledger.post(JournalEntry.disbursement(id,
                    application.applicationId, new BigDecimal(amount), sentAt)));
        }
        cards.put(requestId, card);
        return requestId;
    }

    /** The channel's own record of a request on that day, as the sandbox stores it. */
    private void channel(LocalDate day, String requestId, String kind, String amount, String behaviour) {
        channel(day.atTime(10, 0, 5), day.atTime(10, 0, 5), requestId, kind, amount, behaviour);
    }

    /**
     * The channel's record of a request it first received at {@code receivedAt} (perhaps busy) and accepted at
     * {@code acceptedAt}, which dates its statement row.
     */
    private void channel(java.time.LocalDateTime receivedAt, java.time.LocalDateTime acceptedAt, String requestId,
                         String kind, String amount, String behaviour) {
        String card = cards.getOrDefault(requestId, "6222020000000007");
        jdbc.update("INSERT INTO sandbox_channel_payout (request_id, merchant_id, amount, card_enc, card_last4, behaviour,"
                        + " attempts, status, channel_txn_id, notify_url, created_at, version, kind, accepted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1, 'ACCEPTED', ?, 'http://localhost/none', ?, 0, ?, ?)",
                requestId, MERCHANT, new BigDecimal(amount),
                cipher.encrypt(card, FieldCipher.context("sandbox_channel_payout", "card", requestId)),
                card.substring(12), behaviour, "SBX" + requestId.substring(2, 22), receivedAt, kind, acceptedAt);
    }

    private String card(String requestId) {
        return cards.get(requestId);
    }

    private static Map<String, String> kinds(JsonNode report) {
        Map<String, String> kinds = new java.util.HashMap<>();
        report.path("mismatches").forEach(m -> kinds.put(m.path("requestId").asText(), m.path("kind").asText()));
        return kinds;
    }

    private List<Task> tasksOf(JsonNode report) {
        List<String> processIds = new java.util.ArrayList<>();
        report.path("mismatches").forEach(m -> processIds.add(m.path("processInstanceId").asText()));
        return tasks.createTaskQuery().processInstanceIdIn(processIds.toArray(String[]::new)).list();
    }

    private Task taskFor(List<Task> opened, String requestId) {
        return opened.stream().filter(t -> requestId.equals(runtime.getVariable(t.getExecutionId(), "requestId")))
                .findFirst().orElseThrow();
    }

    private HttpResponse<String> reconcile(String date, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/v1/reconciliation/" + date))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
