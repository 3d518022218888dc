package com.loanflow.workersuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.bureau.BureauReportCache;
import com.loanflow.workers.bureau.QueryCreditBureauHandler;
import com.loanflow.workers.bureau.SandboxCreditBureau;
import com.loanflow.workers.identity.CheckLivenessHandler;
import com.loanflow.workers.identity.IdCardOcr;
import com.loanflow.workers.identity.OcrIdCardHandler;
import com.loanflow.workers.identity.VerifyCarrierThreeFactorHandler;
import com.loanflow.workers.identity.VerifyIdTwoFactorHandler;
import com.loanflow.workers.identity.ocr.TesseractCommand;
import com.loanflow.workers.identity.ocr.TesseractIdCardOcr;
import com.loanflow.workers.identity.sandbox.SandboxCarrierRegistry;
import com.loanflow.workers.identity.sandbox.SandboxIdCardOcr;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import com.loanflow.workers.identity.sandbox.SandboxFaceComparison;
import com.loanflow.workers.identity.sandbox.SandboxLiveness;
import com.loanflow.workers.identity.sandbox.SandboxPublicSecurityRegistry;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import com.loanflow.workersuite.SuitePlatform.Applicant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each worker handler against the running platform's engine REST API, with its own ExternalTaskClient under the
 * worker account: success, a retryable provider failure retried after the backoff, retries running out into an
 * incident with a readable message, and a definitive no-match as a BPMN error caught by the boundary event.
 * <p>
 * The platform's in-process workers serve the real topics; this suite's client serves "workersuite-&lt;topic&gt;"
 * of its own test processes, so the two never take each other's tasks. The applicants are real borrowers with real
 * applications (the handlers read them through /internal/v1), whose loan processes run alongside.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerSuiteTest {

    static final String PREFIX = "workersuite-";
    static final Duration BACKOFF = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    RepositoryService repository;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisConnectionFactory redis;

    SuitePlatform platform;
    ExternalTaskClient client;
    SandboxCreditBureau bureau;
    String ocrEngine;

    @BeforeAll
    void subscribe() {
        platform = new SuitePlatform(port, environment);
        WorkersProperties properties = properties();
        PlatformClient internal = new PlatformClient(properties);
        TaskFailures failures = new TaskFailures(3, BACKOFF);
        SandboxLatency latency = new SandboxLatency(Duration.ofMillis(20), Duration.ofMillis(80));
        SandboxPublicSecurityRegistry registry = new SandboxPublicSecurityRegistry(latency);
        TesseractCommand tesseract = new TesseractCommand("tesseract", Duration.ofSeconds(30));
        IdCardOcr ocr = tesseract.available() ? new TesseractIdCardOcr(tesseract) : new SandboxIdCardOcr(latency);
        ocrEngine = ocr.getClass().getSimpleName();
        bureau = new SandboxCreditBureau(latency);
        com.loanflow.workers.platform.ProviderAnswers answers = new com.loanflow.workers.platform.ProviderAnswers(redis);
        List<TopicHandler> handlers = List.of(
                new OcrIdCardHandler(failures, internal, ocr),
                new VerifyIdTwoFactorHandler(failures, internal, registry, answers),
                new VerifyCarrierThreeFactorHandler(failures, internal, new SandboxCarrierRegistry(latency, registry),
                        answers),
                new CheckLivenessHandler(failures, internal, new SandboxLiveness(latency),
                        new SandboxFaceComparison(latency), properties, answers),
                new QueryCreditBureauHandler(failures, internal, bureau,
                        new BureauReportCache(redis, properties.workers().bureauCache())));
        for (TopicHandler handler : handlers) {
            SuitePlatform.deploy(repository, authorizations, processKey(handler.topic()), PREFIX + handler.topic());
        }
        client = ExternalTaskClient.create().baseUrl(platform.base + "/engine-rest")
                .addInterceptor(new BasicAuthProvider(platform.workerUser, platform.workerPassword))
                .workerId("workersuite").maxTasks(5).asyncResponseTimeout(5_000).disableBackoffStrategy().build();
        handlers.forEach(h -> client.subscribe(PREFIX + h.topic()).lockDuration(30_000).handler(h).open());
    }

    @AfterAll
    void unsubscribe() {
        if (client != null) {
            client.stop();
        }
    }

    @Test
    void ocrReadsTheCardOfTheApplicantAndCompletes() {
        Applicant applicant = platform.applicant("张三", "张三", SuitePlatform.freshPhone(), 7);
        String instance = platform.start(processKey("ocr-id-card"), applicant.applicationId());

        assertThat(platform.awaitEnd(instance)).as("OCR by " + ocrEngine).isEqualTo("End_Done");
        assertThat(platform.variable(instance, "idCardOcrMatched")).isEqualTo("true");
    }

    @Test
    void ocrOfAnotherPersonsCardIsABpmnErrorAndTheRealApplicationIsRejectedForIdentity() {
        Applicant applicant = platform.applicant("李明", "王芳", SuitePlatform.freshPhone(), 7);
        String instance = platform.start(processKey("ocr-id-card"), applicant.applicationId());

        assertThat(platform.awaitEnd(instance)).isEqualTo("End_IdentityRejected");
        assertThat(platform.variable(instance, "identityFailure")).isEqualTo("OCR_MISMATCH");
        assertThat(platform.variable(instance, "reasonCodes")).isEqualTo("R_IDENTITY");
        assertNoIncident(instance);
        // the same card in the real loan process (in-process workers): Event_IdentityMismatch → REJECTED R_IDENTITY
        awaitApplication(applicant, "REJECTED", "R_IDENTITY");
    }

    @Test
    void twoFactorMatchCompletesAndANameTheRegistryDoesNotKnowIsABpmnError() {
        Applicant known = platform.applicant("赵敏", "赵敏", SuitePlatform.freshPhone(), 7);
        Applicant unknown = platform.applicant("欧阳长孙明", "欧阳长孙明", SuitePlatform.freshPhone(), 7);
        String matching = platform.start(processKey("verify-id-two-factor"), known.applicationId());
        String mismatching = platform.start(processKey("verify-id-two-factor"), unknown.applicationId());

        assertThat(platform.awaitEnd(matching)).isEqualTo("End_Done");
        assertThat(platform.awaitEnd(mismatching)).isEqualTo("End_IdentityRejected");
        assertThat(platform.variable(mismatching, "identityFailure")).isEqualTo("ID_TWO_FACTOR_MISMATCH");
    }

    @Test
    void carrierTimeoutIsRetriedAfterTheBackoffAndThenSucceeds() {
        Applicant applicant = platform.applicant("孙丽", "孙丽", SandboxCarrierRegistry.TIMES_OUT_ONCE, 7);
        String instance = platform.start(processKey("verify-carrier-three-factor"), applicant.applicationId());

        assertThat(platform.awaitEnd(instance)).isEqualTo("End_Done");
        JsonNode failures = platform.engine("GET", "/history/external-task-log?failureLog=true&processInstanceId="
                + instance, null);
        JsonNode successes = platform.engine("GET", "/history/external-task-log?successLog=true&processInstanceId="
                + instance, null);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("errorMessage").asText()).contains("Carrier provider timeout");
        assertThat(successes).hasSize(1);
        assertNoIncident(instance);
        // the engine locks a failed task for the backoff, so the retry cannot come earlier
        Duration betweenAttempts = Duration.between(timestamp(failures.get(0)), timestamp(successes.get(0)));
        assertThat(betweenAttempts).isGreaterThanOrEqualTo(BACKOFF.minusMillis(50));
    }

    @Test
    void carrierThatNeverAnswersRunsOutOfRetriesIntoAReadableIncident() {
        Applicant applicant = platform.applicant("周强", "周强", SandboxCarrierRegistry.ALWAYS_TIMES_OUT, 7);
        String instance = platform.start(processKey("verify-carrier-three-factor"), applicant.applicationId());

        JsonNode incidents = platform.await("/incident?processInstanceId=" + instance, i -> i.size() > 0,
                "an incident on " + instance);
        assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedExternalTask");
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("Task_UnderTest");
        assertThat(incidents.get(0).path("incidentMessage").asText()).contains("Carrier provider timeout")
                .doesNotContain(applicant.phone());
        assertThat(platform.engine("GET", "/history/external-task-log?failureLog=true&processInstanceId=" + instance,
                null)).as("three attempts").hasSize(3);
        assertThat(platform.engine("GET", "/process-instance/" + instance, null).path("ended").asBoolean()).isFalse();
    }

    @Test
    void carrierSayingThePhoneBelongsToSomeoneElseIsABpmnErrorNotAnIncident() {
        Applicant applicant = platform.applicant("吴刚", "吴刚", "1390000000" + (int) (Math.random() * 10), 7);
        String instance = platform.start(processKey("verify-carrier-three-factor"), applicant.applicationId());

        assertThat(platform.awaitEnd(instance)).isEqualTo("End_IdentityRejected");
        assertThat(platform.variable(instance, "identityFailure")).isEqualTo("CARRIER_THREE_FACTOR_MISMATCH");
        assertNoIncident(instance);
    }

    @Test
    void livenessPassesALiveSelfieAndRejectsAPrintedPhotoAndSomeoneElsesFace() {
        Applicant live = platform.applicant("郑洁", "郑洁", SuitePlatform.freshPhone(), 7);
        Applicant printed = platform.applicant("冯涛", "冯涛", SuitePlatform.freshPhone(), 0);
        Applicant otherFace = platform.applicant("韩梅", "韩梅", SuitePlatform.freshPhone(), 1);
        String passing = platform.start(processKey("check-liveness"), live.applicationId());
        String failing = platform.start(processKey("check-liveness"), printed.applicationId());
        String impostor = platform.start(processKey("check-liveness"), otherFace.applicationId());

        assertThat(platform.awaitEnd(impostor)).isEqualTo("End_IdentityRejected");
        assertThat(platform.variable(impostor, "identityFailure")).isEqualTo("FACE_MISMATCH");
        assertThat(platform.variable(impostor, "faceMatchScore")).isEqualTo("0.31");
        assertNoIncident(impostor);

        assertThat(platform.awaitEnd(passing)).isEqualTo("End_Done");
        assertThat(new BigDecimal(platform.variable(passing, "livenessScore"))).isGreaterThanOrEqualTo(
                new BigDecimal("0.80"));
        assertThat(new BigDecimal(platform.variable(passing, "faceMatchScore"))).isGreaterThanOrEqualTo(
                new BigDecimal("0.85"));
        assertThat(platform.awaitEnd(failing)).isEqualTo("End_IdentityRejected");
        assertThat(platform.variable(failing, "identityFailure")).isEqualTo("LIVENESS_FAILED");
    }

    @Autowired
    com.loanflow.risk.CreditReports creditReports;

    @Test
    void theInternalApiStoresAReportSealedOnlyForALoggedQueryOfThatApplicationAndOnce() throws Exception {
        Applicant applicant = platform.applicant("周敏", "周敏", SuitePlatform.freshPhone(), 0);
        Applicant other = platform.applicant("吴磊", "吴磊", SuitePlatform.freshPhone(), 0);
        String reportJson = "{\"applicationsLast7Days\":0,\"applicationsLast30Days\":1,\"applicationsLast90Days\":2,"
                + "\"currentLoans\":1,\"courtEnforcement\":false,\"thinFile\":false,\"revolvingUtilization\":0.31,"
                + "\"age\":41,\"pastDue30To59Days\":0,\"debtRatio\":0.27,\"monthlyIncome\":8200.0,"
                + "\"openCreditLinesAndLoans\":7,\"pastDue90DaysOrMore\":0,\"realEstateLoans\":1,"
                + "\"pastDue60To89Days\":0,\"dependents\":2}";
        String unlogged = java.util.UUID.randomUUID().toString();
        assertThat(putReport(applicant.applicationId(), unlogged, reportJson, platform.internalToken).statusCode())
                .as("no report without its logged query").isEqualTo(400);
        assertThat(putReport(applicant.applicationId(), unlogged, reportJson, "not-the-token").statusCode())
                .isEqualTo(401);
        String consentId = jdbc.queryForObject("SELECT id FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION'", String.class, applicant.borrowerId());
        String queryId = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO credit_query_log (id, application_id, purpose, consent_id, agreement_version, cache_hit,"
                + " queried_at, recorded_at) VALUES (?, ?, 'LOAN_APPLICATION', ?, '1.0', FALSE, ?, ?)", queryId,
                applicant.applicationId(), consentId, java.time.LocalDateTime.now(), java.time.LocalDateTime.now());

        // a report that would decide credit on made-up values is refused, naming the field, and nothing is stored
        for (String[] bad : new String[][] {
                {reportJson.replace("\"pastDue90DaysOrMore\":0,", ""), "pastDue90DaysOrMore"},
                {reportJson.replace("\"debtRatio\":0.27", "\"debtRatio\":\"NaN\""), "debtRatio"},
                {reportJson.replace("\"monthlyIncome\":8200.0", "\"monthlyIncome\":\"Infinity\""), "monthlyIncome"},
                {reportJson.replace("\"age\":41", "\"age\":-5"), "age"},
                {reportJson.replace("\"currentLoans\":1", "\"currentLoans\":1.5"), "currentLoans"},
                {reportJson.replace("\"thinFile\":false", "\"thinFile\":\"no\""), "thinFile"}}) {
            var refused = putReport(applicant.applicationId(), queryId, bad[0], platform.internalToken);
            assertThat(refused.statusCode()).as(bad[1]).isEqualTo(400);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body()).path("fieldErrors")
                    .findValuesAsText("field")).as(bad[1]).containsExactly(bad[1]);
        }
        assertThat(putReport(applicant.applicationId(), queryId, reportJson.replace("\"monthlyIncome\":8200.0",
                "\"monthlyIncome\":null"), platform.internalToken).statusCode()).as("NA income is the bureau's answer")
                .isEqualTo(200);
        jdbc.update("DELETE FROM credit_report WHERE application_id = ?", applicant.applicationId());
        // the query log is evidence of when the bureau was asked: not in the future, not long ago
        for (String queriedAt : new String[] {java.time.Instant.now().plusSeconds(3600).toString(),
                java.time.Instant.now().minus(java.time.Duration.ofDays(30)).toString(), "+1000000000-12-31T23:59:59Z"}) {
            var refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(platform.base + "/internal/v1/applications/" + applicant.applicationId()
                                    + "/credit-queries"))
                    .header("Authorization", "Bearer " + platform.internalToken).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"queryId\":\""
                            + java.util.UUID.randomUUID() + "\",\"purpose\":\"LOAN_APPLICATION\",\"consentId\":\""
                            + consentId + "\",\"agreementVersion\":\"1.0\",\"cacheHit\":false,\"queriedAt\":\""
                            + queriedAt + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(queriedAt).isEqualTo(400);
            assertThat(refused.body()).as(queriedAt).contains("queriedAt");
        }

        var stored = putReport(applicant.applicationId(), queryId, reportJson, platform.internalToken);
        var again = putReport(applicant.applicationId(), queryId, reportJson, platform.internalToken);
        var elsewhere = putReport(other.applicationId(), queryId, reportJson, platform.internalToken);

        assertThat(stored.statusCode()).isEqualTo(200);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored.body()).path("creditReportId")
                .asText();
        assertThat(again.body()).as("the same query, the same report").contains(id);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT report_enc FROM credit_report WHERE id = ?", String.class, id))
                .doesNotContain("8200").doesNotContain("monthlyIncome");
        assertThat(creditReports.open(applicant.applicationId(), id).monthlyIncome()).isEqualTo(8200.0);
        assertThatThrownBy(() -> creditReports.open(other.applicationId(), id))
                .as("a report opens only for its own application").isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.update("UPDATE credit_report SET id = ? WHERE id = ?", "moved-" + id.substring(6), id))
                .isEqualTo(1);
        assertThatThrownBy(() -> creditReports.open(applicant.applicationId(), "moved-" + id.substring(6)))
                .as("the seal is bound to its row: the same ciphertext under another id fails authentication")
                .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    private java.net.http.HttpResponse<String> putReport(String applicationId, String queryId, String json,
                                                         String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        platform.base + "/internal/v1/applications/" + applicationId + "/credit-reports/" + queryId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRepeatBureauQueryIsServedFromTheCacheAndBothAreLoggedWithTheirConsent() {
        // a printed-photo selfie: the applicant's real process stops at liveness and never asks the bureau itself
        Applicant applicant = platform.applicant("陈静", "陈静", SuitePlatform.freshPhone(), 0);
        long queriesBefore = bureau.queries();
        String first = platform.start(processKey("query-credit-bureau"), applicant.applicationId());
        assertThat(platform.awaitEnd(first)).isEqualTo("End_Done");
        String second = platform.start(processKey("query-credit-bureau"), applicant.applicationId());
        assertThat(platform.awaitEnd(second)).isEqualTo("End_Done");

        assertThat(bureau.queries() - queriesBefore).as("queries the bureau answered (and billed)").isEqualTo(1);
        // the engine holds only the platform's ids; each query's report is stored sealed, and the cached one is the same
        String firstReport = platform.variable(first, "creditReportId");
        String secondReport = platform.variable(second, "creditReportId");
        assertThat(firstReport).isNotEqualTo(secondReport);
        assertThat(creditReports.open(applicant.applicationId(), secondReport))
                .isEqualTo(creditReports.open(applicant.applicationId(), firstReport));
        assertThat(jdbc.queryForList("SELECT report_enc FROM credit_report WHERE application_id = ?", String.class,
                applicant.applicationId())).hasSize(2).allSatisfy(sealed -> assertThat(sealed)
                .doesNotContain("revolvingUtilization").doesNotContain("debtRatio"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'creditReport'",
                Integer.class)).as("no report in Camunda's history").isZero();
        List<Map<String, Object>> log = jdbc.queryForList("SELECT purpose, consent_id, agreement_version, cache_hit"
                + " FROM credit_query_log WHERE application_id = ? ORDER BY queried_at", applicant.applicationId());
        String consentId = jdbc.queryForObject("SELECT id FROM consent WHERE borrower_id = ?"
                + " AND consent_type = 'CREDIT_AUTHORIZATION'", String.class, applicant.borrowerId());
        // one miss and one hit; queried_at has whole seconds on MariaDB, so the two rows may tie and order either way
        assertThat(log).hasSize(2); // rows are case-insensitive maps
        assertThat(log).allSatisfy(row -> {
            assertThat(row.get("purpose")).isEqualTo("LOAN_APPLICATION");
            assertThat(row.get("consent_id")).isEqualTo(consentId);
            assertThat(row.get("agreement_version")).isEqualTo("1.0");
        });
        assertThat(log).extracting(row -> Boolean.TRUE.equals(row.get("cache_hit"))
                || Integer.valueOf(1).equals(row.get("cache_hit"))).containsExactlyInAnyOrder(false, true);
    }

    private void assertNoIncident(String instance) {
        assertThat(platform.engine("GET", "/incident?processInstanceId=" + instance, null)).isEmpty();
    }

    private void awaitApplication(Applicant applicant, String status, String reasonCode) {
        long deadline = System.nanoTime() + SuitePlatform.WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class,
                    applicant.applicationId());
            if (status.equals(last)) {
                assertThat(jdbc.queryForObject("SELECT reason_codes FROM loan_application WHERE id = ?", String.class,
                        applicant.applicationId())).contains(reasonCode);
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("application " + applicant.applicationId() + " is " + last + ", not " + status);
    }

    private static Instant timestamp(JsonNode logEntry) {
        return java.time.OffsetDateTime.parse(logEntry.path("timestamp").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    static String processKey(String topic) {
        StringBuilder key = new StringBuilder("Process_WorkerSuite_");
        for (String part : topic.split("-")) {
            key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return key.toString();
    }

    private WorkersProperties properties() {
        WorkersProperties.Workers workers = new WorkersProperties.Workers(true, BACKOFF, 3, "workersuite",
                Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(80), new BigDecimal("0.80"), new BigDecimal("0.80"),
                new WorkersProperties.Ocr("auto", "tesseract", Duration.ofSeconds(30)),
                new WorkersProperties.BureauCache(true, Duration.ofDays(30), WorkersProperties.BureauCache.DEV_CACHE_KEY),
                PREFIX);
        return new WorkersProperties(new WorkersProperties.Engine(platform.base + "/engine-rest", platform.workerUser,
                platform.workerPassword), new WorkersProperties.Platform(platform.base),
                new WorkersProperties.Internal(platform.internalToken),
                new WorkersProperties.Channel(platform.base, platform.base + "/api/v1/payment-callbacks/sandbox",
                        "loanflow-sandbox-merchant", "sandbox/keys/merchant-private.pem"),
                workers);
    }
}
