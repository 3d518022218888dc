package com.loanflow.workersuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Luhn;
import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.payment.ChannelClient;
import com.loanflow.workers.payment.MerchantSigner;
import com.loanflow.workers.payment.SendPayoutHandler;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.TaskFailures;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * send-payout as the worker suite runs the other topics: the real SendPayoutHandler, ChannelClient and
 * MerchantSigner with their own ExternalTaskClient against the engine REST API, and the platform's sandbox channel
 * (signed request, signed asynchronous callback).
 * <p>
 * The applications come from {@link DisbursingApplication}: approved, in DISBURSING, with their real loan process
 * started at Gateway_AwaitPayoutResult, i.e. already past Task_SendPayout. So the in-process send-payout worker never
 * sends their payout (only this suite's worker does, once, on "workersuite-send-payout"), while the channel's
 * callback still reaches the real process as in production and activates the loan or records the failure. The
 * borrower journey up to signing is the e2e suite's job.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayoutWorkerSuiteTest {

    static final String TOPIC = WorkerSuiteTest.PREFIX + "send-payout";
    /** Same handler, but its ChannelClient points at a port nothing listens on. */
    static final String UNREACHABLE_TOPIC = TOPIC + "-unreachable";
    static final Duration BACKOFF = Duration.ofSeconds(1);

    static final String BUSY_TWICE_CARD = "6217000000000006";
    static final String CARD_INVALID_AT_BANK = "6228480000000007";

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    RepositoryService repository;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    RuntimeService runtime;
    @Autowired
    FieldCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    SuitePlatform platform;
    ExternalTaskClient client;
    int closedPort;

    @BeforeAll
    void subscribe() throws IOException {
        platform = new SuitePlatform(port, environment);
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: connecting to it is refused
        }
        TaskFailures failures = new TaskFailures(3, BACKOFF);
        WorkersProperties properties = properties(platform.base);
        WorkersProperties unreachable = properties("http://localhost:" + closedPort);
        SendPayoutHandler handler = new SendPayoutHandler(failures, new PlatformClient(properties),
                new ChannelClient(properties, new MerchantSigner(properties)));
        SendPayoutHandler cutOff = new SendPayoutHandler(failures, new PlatformClient(unreachable),
                new ChannelClient(unreachable, new MerchantSigner(unreachable)));
        SuitePlatform.deployPayoutShaped(repository, authorizations, processKey(TOPIC), TOPIC);
        SuitePlatform.deployPayoutShaped(repository, authorizations, processKey(UNREACHABLE_TOPIC),
                UNREACHABLE_TOPIC);
        client = ExternalTaskClient.create().baseUrl(platform.base + "/engine-rest")
                .addInterceptor(new BasicAuthProvider(platform.workerUser, platform.workerPassword))
                .workerId("workersuite-payout").maxTasks(5).asyncResponseTimeout(5_000).disableBackoffStrategy()
                .build();
        client.subscribe(TOPIC).lockDuration(30_000).handler(handler).open();
        client.subscribe(UNREACHABLE_TOPIC).lockDuration(30_000).handler(cutOff).open();
    }

    @AfterAll
    void unsubscribe() {
        if (client != null) {
            client.stop();
        }
    }

    @Test
    void sendsThePayoutOnceAndTheSignedCallbackSettlesItAsSucceeded() throws Exception {
        // the fixture's own random card passes the channel's Luhn check only one time in ten
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", luhnValidCard());
        String instance = platform.start(processKey(TOPIC), application.applicationId);

        assertThat(platform.awaitEnd(instance)).isEqualTo("End_Done");
        assertThat(platform.taskLog(instance, "failureLog")).isEmpty();
        assertNoIncident(instance);
        Map<String, Object> disbursement = awaitDisbursement(application, "SUCCEEDED");
        assertThat(disbursement.get("version")).as("REQUESTED → SENT (worker) → SUCCEEDED (callback)").isEqualTo(2);
        assertThat((BigDecimal) disbursement.get("amount")).isEqualByComparingTo("1000.00");
        String requestId = (String) disbursement.get("request_id");
        Map<String, Object> atChannel = channelPayout(requestId);
        assertThat(atChannel.get("attempts")).isEqualTo(1);
        assertThat(atChannel.get("channel_txn_id")).isEqualTo(disbursement.get("channel_txn_id"));
        assertThat((BigDecimal) atChannel.get("amount")).isEqualByComparingTo("1000.00");
        assertThat(callbacksApplied(requestId)).isEqualTo(1);
        assertThat(application.awaitLoanId()).as("the real process activated the loan").isNotBlank();
    }

    @Test
    void aBusyChannelIsRetriedAfterTheBackoffAndPaysExactlyOnce() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "700.00", BUSY_TWICE_CARD);
        String instance = platform.start(processKey(TOPIC), application.applicationId);

        assertThat(platform.awaitEnd(instance)).isEqualTo("End_Done");
        JsonNode failures = platform.taskLog(instance, "failureLog");
        JsonNode successes = platform.taskLog(instance, "successLog");
        assertThat(failures).hasSize(2);
        assertThat(failures.findValuesAsText("errorMessage")).containsOnly("Channel busy (503 CHANNEL_BUSY)");
        assertThat(successes).hasSize(1);
        assertNoIncident(instance);
        // the engine locks a failed task for the backoff, so no retry can come earlier
        assertThat(Duration.between(timestamp(failures.get(0)), timestamp(failures.get(1))))
                .isGreaterThanOrEqualTo(BACKOFF.minusMillis(50));
        assertThat(Duration.between(timestamp(failures.get(1)), timestamp(successes.get(0))))
                .isGreaterThanOrEqualTo(BACKOFF.minusMillis(50));

        Map<String, Object> disbursement = awaitDisbursement(application, "SUCCEEDED");
        String requestId = (String) disbursement.get("request_id");
        Map<String, Object> atChannel = channelPayout(requestId);
        assertThat(atChannel.get("attempts")).as("three sends of the same request id").isEqualTo(3);
        assertThat(atChannel.get("status")).isEqualTo("ACCEPTED");
        assertThat(callbacksApplied(requestId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "DISBURSEMENT:" + disbursement.get("id"))).as("posted once").isEqualTo(1);
        application.awaitLoanId();
    }

    @Test
    void anUnreachableChannelRunsOutOfRetriesIntoAReadableIncidentWithoutTheCardNumber() {
        String card = luhnValidCard();
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00", card);
        String instance = platform.start(processKey(UNREACHABLE_TOPIC), application.applicationId);

        JsonNode incidents = platform.await("/incident?processInstanceId=" + instance, i -> i.size() > 0,
                "an incident on " + instance);
        assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedExternalTask");
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("Task_UnderTest");
        assertThat(incidents.get(0).path("incidentMessage").asText())
                .contains("POST payout unreachable", "/sandbox/channel/v1/payouts").doesNotContain(card);
        JsonNode failures = platform.taskLog(instance, "failureLog");
        assertThat(failures).as("three attempts").hasSize(3);
        for (JsonNode failure : failures) {
            assertThat(platform.engineText("/history/external-task-log/" + failure.path("id").asText()
                    + "/error-details")).contains("RetryableFailure").doesNotContain(card);
        }
        assertThat(platform.engine("GET", "/process-instance/" + instance, null).path("ended").asBoolean()).isFalse();

        Map<String, Object> disbursement = disbursement(application);
        assertThat(disbursement.get("status")).as("never reported sent").isEqualTo("REQUESTED");
        assertThat(channelPayouts((String) disbursement.get("request_id"))).isZero();
        assertThat(application.applicationStatus()).isEqualTo("DISBURSING");
    }

    @Test
    void aCardTheBankRejectsIsSentThenFailsByCallbackAndTheLoanProcessRecordsTheFailure() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "500.00", CARD_INVALID_AT_BANK);
        String instance = platform.start(processKey(TOPIC), application.applicationId);

        // the worker's job was to send; the refusal is the channel's asynchronous result, not a task failure
        assertThat(platform.awaitEnd(instance)).isEqualTo("End_Done");
        assertNoIncident(instance);
        Map<String, Object> disbursement = awaitDisbursement(application, "FAILED");
        assertThat(disbursement.get("failure_code")).isEqualTo("CARD_INVALID");
        assertThat(disbursement.get("version")).as("REQUESTED → SENT → FAILED").isEqualTo(2);
        assertThat(channelPayouts((String) disbursement.get("request_id"))).isEqualTo(1);
        DisbursingApplication.await("the application to be DISBURSEMENT_FAILED",
                () -> "DISBURSEMENT_FAILED".equals(application.applicationStatus()));
        assertThat(jdbc.queryForObject("SELECT reason_codes FROM loan_application WHERE id = ?", String.class,
                application.applicationId)).contains("D_CARD_INVALID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE application_id = ?", Integer.class,
                application.applicationId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "DISBURSEMENT:" + disbursement.get("id"))).as("nothing paid, nothing posted").isZero();
    }

    @Test
    void aRequestTheChannelRefusesOutrightFailsThePayoutOnRecordAtOnceNotRetriedNorAnIncident() {
        String card = luhnInvalidCard();
        var application = new DisbursingApplication(jdbc, cipher, runtime, "400.00", card);
        String instance = platform.start(processKey(TOPIC), application.applicationId);

        assertThat(platform.awaitEnd(instance)).isEqualTo("End_PayoutRefused");
        assertNoIncident(instance);
        Map<String, Object> disbursement = disbursement(application);
        assertThat(disbursement.get("status")).isEqualTo("FAILED");
        assertThat(disbursement.get("failure_code")).isEqualTo("INVALID_CARD");
        assertThat(platform.engine("GET", "/history/variable-instance?processInstanceId=" + instance
                + "&variableName=payoutFailureCode", null).get(0).path("value").asText()).isEqualTo("INVALID_CARD");
        assertThat(platform.taskLog(instance, "failureLog")).as("a refusal is not retried").isEmpty();
        assertThat(channelPayouts((String) disbursement.get("request_id"))).isZero();
        assertThat(platform.engine("GET", "/history/variable-instance?processInstanceId=" + instance, null).toString())
                .doesNotContain(card);
    }

    private void assertNoIncident(String instance) {
        assertThat(platform.engine("GET", "/incident?processInstanceId=" + instance, null)).isEmpty();
    }

    private Map<String, Object> disbursement(DisbursingApplication application) {
        return jdbc.queryForMap("SELECT id, request_id, amount, status, channel_txn_id, failure_code, version"
                + " FROM disbursement WHERE application_id = ?", application.applicationId);
    }

    private Map<String, Object> awaitDisbursement(DisbursingApplication application, String status)
            throws InterruptedException {
        DisbursingApplication.await("disbursement " + status, () -> status.equals(jdbc.queryForObject(
                "SELECT status FROM disbursement WHERE application_id = ?", String.class, application.applicationId)));
        return disbursement(application);
    }

    private Map<String, Object> channelPayout(String requestId) {
        return jdbc.queryForMap("SELECT amount, attempts, status, channel_txn_id FROM sandbox_channel_payout"
                + " WHERE request_id = ? AND kind = 'PAYOUT'", requestId);
    }

    private int channelPayouts(String requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_channel_payout WHERE request_id = ?", Integer.class,
                requestId);
    }

    private int callbacksApplied(String requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payment_callback WHERE request_id = ?", Integer.class,
                requestId);
    }

    /** A card number the channel takes (any valid one behaves as SUCCEED): 62220200, seven random digits, check. */
    private static String luhnValidCard() {
        String first15 = "62220200" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        for (int check = 0; ; check++) {
            if (Luhn.isValid(first15 + check)) {
                return first15 + check;
            }
        }
    }

    /** The same with a wrong check digit: the channel refuses it with 400 INVALID_CARD. */
    private static String luhnInvalidCard() {
        String valid = luhnValidCard();
        int check = valid.charAt(15) - '0';
        return valid.substring(0, 15) + (check + 1) % 10;
    }

    private static Instant timestamp(JsonNode logEntry) {
        return OffsetDateTime.parse(logEntry.path("timestamp").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private static String processKey(String topic) {
        return WorkerSuiteTest.processKey(topic.substring(WorkerSuiteTest.PREFIX.length()));
    }

    /** What the worker app binds from application.yml, with the channel at channelBaseUrl. */
    private WorkersProperties properties(String channelBaseUrl) {
        WorkersProperties.Workers workers = new WorkersProperties.Workers(true, BACKOFF, 3, "workersuite-payout",
                Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(80),
                new BigDecimal("0.80"), new BigDecimal("0.80"),
                new WorkersProperties.Ocr("auto", "tesseract", Duration.ofSeconds(30)),
                new WorkersProperties.BureauCache(false, Duration.ofDays(30),
                        WorkersProperties.BureauCache.DEV_CACHE_KEY),
                WorkerSuiteTest.PREFIX);
        return new WorkersProperties(new WorkersProperties.Engine(platform.base + "/engine-rest", platform.workerUser,
                platform.workerPassword), new WorkersProperties.Platform(platform.base),
                new WorkersProperties.Internal(platform.internalToken),
                new WorkersProperties.Channel(channelBaseUrl, platform.base + "/api/v1/payment-callbacks/sandbox",
                        "loanflow-sandbox-merchant", "sandbox/keys/merchant-private.pem"),
                workers);
    }
}
