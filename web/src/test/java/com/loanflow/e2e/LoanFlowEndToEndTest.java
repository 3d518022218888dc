package com.loanflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole loan flow over HTTP against a running platform with in-process workers: registration to a settled
 * loan, manual review through the engine REST API (what Tasklist calls), the three rejections, and the sandbox
 * test cards. On the embedded default it runs on H2 + embedded Redis + Qpid; with -Pintegration on MariaDB, Redis
 * and RabbitMQ.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoanFlowEndToEndTest {

    record Identity(String name, String idNumber, String phone, String card) {
    }

    static final Identity ZHANG_SAN = new Identity("张三", "110101199003070011", "13800000001", "6222020000000007");
    static final Identity LI_SI = new Identity("李四", "440306199208150030", "13800000002", "6228480000000015");
    static final Identity WANG_WU = new Identity("王五", "310115198801010049", "13800000003", "6217000000000022");
    static final Identity ZHAO_LIU = new Identity("赵六", "510107199506200052", "13800000004", "6225880000000035");
    static final Identity QIAN_QI = new Identity("钱七", "330106197909090063", "13800000005", "6222020000000049");

    static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String zhangSanToken;
    final java.util.Set<String> consumedSms = new java.util.HashSet<>();

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @Autowired
    org.springframework.amqp.rabbit.core.RabbitTemplate rabbit;

    @Autowired
    org.springframework.amqp.core.AmqpAdmin amqpAdmin;

    static final String EVENT_TAP = "e2e.event-tap";

    @BeforeAll
    void connect() {
        api = new Api(port);
        // a tap on every platform event, to check later that no message carried personal data
        amqpAdmin.deleteQueue(EVENT_TAP);
        var tap = new org.springframework.amqp.core.Queue(EVENT_TAP, false, false, false);
        amqpAdmin.declareQueue(tap);
        amqpAdmin.declareBinding(org.springframework.amqp.core.BindingBuilder.bind(tap)
                .to(new org.springframework.amqp.core.TopicExchange(
                        com.loanflow.application.ApplicationStatusChanged.EXCHANGE)).with("#"));
    }

    @Test
    @Order(1)
    void zhangSanIsAutoApprovedSignsIsDisbursedAndRepaysToSettled() throws Exception {
        zhangSanToken = onboard(ZHANG_SAN);
        String applicationId = apply(zhangSanToken, "1000.00", 6, ZHANG_SAN.card());

        JsonNode approved = awaitStatus(zhangSanToken, applicationId, "APPROVED");
        assertThat(approved.path("decision").path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForMap("SELECT verification_status, identity_verified_at FROM borrower WHERE id = ?",
                api.get("/api/v1/borrowers/me", zhangSanToken).text("borrowerId")))
                .as("the checks passed: from now on this account is this person").containsEntry("verification_status",
                        "VERIFIED").extractingByKey("identity_verified_at").isNotNull();
        assertThat(new BigDecimal(approved.path("decision").path("approvedAmount").asText()))
                .isEqualByComparingTo("1000.00");

        Api.Response contract = awaitContract(zhangSanToken, applicationId);
        assertThat(new String(contract.body(), 0, 5)).isEqualTo("%PDF-");

        signContract(zhangSanToken, applicationId, ZHANG_SAN.phone(), true);
        JsonNode active = awaitStatus(zhangSanToken, applicationId, "ACTIVE");
        String loanId = active.path("loanId").asText();
        String signedPdf = new String(api.get("/api/v1/applications/" + applicationId + "/contract", zhangSanToken)
                .body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(signedPdf.split("ETSI\\.CAdES\\.detached", -1)).as("borrower signature and platform seal")
                .hasSize(3);
        // the seal carries the sandbox TSA's RFC 3161 token over its signature value (PAdES baseline-T)
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(
                new java.io.ByteArrayInputStream(signedPdf.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))))) {
            var seal = new com.itextpdf.signatures.SignatureUtil(document)
                    .readSignatureData(com.loanflow.contract.signing.ContractSigner.SEAL_FIELD);
            assertThat(seal.verifyTimestampImprint()).as("time-stamp covers the seal").isTrue();
            assertThat(seal.getTimeStampDate().toInstant()).isBetween(java.time.Instant.now().minusSeconds(600),
                    java.time.Instant.now().plusSeconds(5));
            assertThat(((java.security.cert.X509Certificate) seal.getTimestampSignatureContainer().getSigningCertificate())
                    .getSubjectX500Principal().getName())
                    .contains(com.loanflow.contract.signing.TimestampAuthority.UNIT_NAME);
        }

        JsonNode loan = api.get("/api/v1/loans/" + loanId, zhangSanToken).json();
        assertThat(loan.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(loan.path("principal").asText()).isEqualTo("1000.00");
        assertThat(loan.path("schedule")).hasSize(6);
        BigDecimal scheduledPrincipal = BigDecimal.ZERO;
        for (JsonNode line : loan.path("schedule")) {
            scheduledPrincipal = scheduledPrincipal.add(new BigDecimal(line.path("principal").asText()));
        }
        assertThat(scheduledPrincipal).isEqualByComparingTo("1000.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE application_id = ?", Integer.class,
                applicationId)).isEqualTo(1);

        String firstInstallment = loan.path("schedule").get(0).path("total").asText();
        String firstDueDate = loan.path("schedule").get(0).path("dueDate").asText();
        awaitSms(ZHANG_SAN.phone(), body -> body.contains("首期还款日为" + firstDueDate + "，应还" + firstInstallment));
        String key = "repay-" + UUID.randomUUID();
        Api.Response repaid = api.post("/api/v1/loans/" + loanId + "/repayments", zhangSanToken,
                Map.of("amount", firstInstallment), Map.of("Idempotency-Key", key));
        assertThat(repaid.status()).isEqualTo(202);
        Api.Response again = api.post("/api/v1/loans/" + loanId + "/repayments", zhangSanToken,
                Map.of("amount", firstInstallment), Map.of("Idempotency-Key", key));
        assertThat(again.text("repaymentId")).as("same key, same repayment").isEqualTo(repaid.text("repaymentId"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE loan_id = ?", Integer.class, loanId))
                .isEqualTo(1);
        // a repayment is money that arrived: the card withholding is applied when the channel confirms the debit
        assertThat(repaid.text("method")).isEqualTo("CARD_WITHHOLDING");
        String repaymentPath = "/api/v1/loans/" + loanId + "/repayments/" + repaid.text("repaymentId");
        await("the first installment's withholding applied", () -> "APPLIED".equals(
                api.get(repaymentPath, zhangSanToken).text("status")));
        assertThat(api.get(repaymentPath, zhangSanToken).text("principal")).isNotEqualTo("0.00");

        String rest = api.get("/api/v1/loans/" + loanId, zhangSanToken).json().path("outstanding").asText();
        assertThat(api.post("/api/v1/loans/" + loanId + "/repayments", zhangSanToken, Map.of("amount", rest),
                Map.of("Idempotency-Key", "repay-" + UUID.randomUUID())).status()).isEqualTo(202);

        awaitStatus(zhangSanToken, applicationId, "SETTLED");
        assertThat(api.get("/api/v1/loans/" + loanId, zhangSanToken).json().path("status").asText()).isEqualTo("SETTLED");
        assertThat(processState(applicationId)).isEqualTo("COMPLETED");
    }

    @Test
    @Order(2)
    void liSiGoesToManualReviewAndIsApprovedInTasklistThenDisbursed() {
        String token = onboard(LI_SI);
        String applicationId = apply(token, "800.00", 3, LI_SI.card());
        JsonNode inReview = awaitStatus(token, applicationId, "IN_REVIEW");
        assertThat(inReview.path("decision").path("outcome").asText()).isEqualTo("REVIEW");
        assertThat(inReview.path("decision").path("reasonCodes").toString()).contains("R_BORDERLINE_SCORE");

        JsonNode tasks = api.engine("GET", "/task?processInstanceBusinessKey=" + applicationId
                + "&candidateGroup=reviewers", "reviewer1", null).json();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        JsonNode form = api.engine("GET", "/task/" + taskId + "/form-variables", "reviewer1", null).json();
        assertThat(form.path("maskedIdNumber").path("value").asText()).isEqualTo("4403**********0030");
        assertThat(form.toString()).doesNotContain(LI_SI.idNumber()).doesNotContain(LI_SI.phone());
        // the reviewer reads why, and what raised the PD most, in the words the applicant is given
        assertThat(form.path("reasonsExplained").path("value").asText())
                .contains("需人工审核").contains("(R_BORDERLINE_SCORE)");
        List<String> factors = new java.util.ArrayList<>();
        inReview.path("decision").path("adverseFactors").forEach(f -> {
            factors.add(f.path("code").asText());
            assertThat(f.path("description").asText()).containsPattern("\\p{IsHan}.* / [A-Z]");
        });
        assertThat(factors).as("the borrower sees them too").hasSize(3).allMatch(code -> code.startsWith("F_"));
        assertThat(form.path("adverseFactorsExplained").path("value").asText())
                .contains("(" + factors.get(0) + ")").contains("(" + factors.get(2) + ")").containsPattern("\\p{IsHan}");
        // what approving grants (tier C: 1,000.00 at 22.00% at most), on a first loan here
        assertThat(form.path("offeredTerms").path("value").asText())
                .contains("Credit limit 1000.00 CNY, nominal APR at most 22.00%");
        assertThat(form.path("platformRecord").path("value").asText()).contains("No loan here in the last 24 months");

        assertThat(api.engine("POST", "/task/" + taskId + "/claim", "reviewer1", Map.of("userId", "reviewer1"))
                .status()).isEqualTo(204);
        // "Reject" without a reason the applicant can be told is refused by the form and completes nothing
        Api.Response unexplained = api.engine("POST", "/task/" + taskId + "/submit-form", "reviewer1", Map.of(
                "variables", Map.of("reviewDecision", Map.of("value", "REJECT", "type", "String"))));
        assertThat(unexplained.status()).as(String.valueOf(unexplained.json())).isEqualTo(400);
        assertThat(unexplained.json().path("message").asText()).contains("reviewRejectionReason");
        // engine REST complete skips the form: the task's listener refuses what the review cannot record, and the
        // task stays (it used to complete, then fail in the decision's job with the task and its timer gone)
        for (Map<String, Object> variables : List.<Map<String, Object>>of(
                Map.of("reviewComment", Map.of("value", "ok", "type", "String")),
                Map.of("reviewDecision", Map.of("value", "REJECT", "type", "String")),
                Map.of("reviewDecision", Map.of("value", "APPROVE", "type", "String"),
                        "reviewComment", Map.of("value", 42, "type", "Integer")))) {
            Api.Response bare = api.engine("POST", "/task/" + taskId + "/complete", "reviewer1",
                    Map.of("variables", variables));
            assertThat(bare.status()).as(variables + ": " + bare.json()).isEqualTo(400);
        }
        assertThat(api.engine("GET", "/task/" + taskId, "reviewer1", null).status()).isEqualTo(200);
        // as Tasklist submits its form (submit-form: the fields are also kept as FormProperty history details)
        assertThat(api.engine("POST", "/task/" + taskId + "/submit-form", "reviewer1", Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "APPROVE", "type", "String"),
                "reviewComment", Map.of("value", "Income verified by phone, called 13912345678; ID 110101199003078515",
                        "type", "String")))).status())
                .isEqualTo(204);

        awaitStatus(token, applicationId, "APPROVED");
        assertThat(jdbc.queryForObject("SELECT reviewer FROM review_decision WHERE application_id = ?", String.class,
                applicationId)).isEqualTo("reviewer1");
        // what a reviewer types reaches no table raw: not the engine's runtime or history tables, not ours
        assertThat(jdbc.queryForObject("SELECT review_comment FROM review_decision WHERE application_id = ?", String.class,
                applicationId)).contains("139****5678").doesNotContain("13912345678").doesNotContain("110101199003078515");
        String processInstanceId = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?",
                String.class, applicationId);
        for (String table : new String[] {"ACT_HI_DETAIL", "ACT_HI_VARINST", "ACT_RU_VARIABLE"}) {
            assertThat(jdbc.queryForList("SELECT TEXT_ FROM " + table + " WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
                    String.class, processInstanceId, "reviewComment")).as(table)
                    .allSatisfy(text -> assertThat(text).doesNotContain("13912345678")
                            .doesNotContain("110101199003078515"));
        }
        assertThat(jdbc.queryForList("SELECT TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
                String.class, processInstanceId, "reviewComment")).singleElement().asString().contains("139****5678");
        signContract(token, applicationId, LI_SI.phone());
        awaitStatus(token, applicationId, "ACTIVE");
    }

    @Test
    @Order(3)
    void wangWuIsRejectedForMultiLending() {
        String applicationId = assertRejected(WANG_WU, "R_MULTI_LENDING");

        // a declined borrower is told when they may apply again, and cannot before
        String token = login(WANG_WU);
        java.time.LocalDateTime declinedAt = jdbc.queryForObject(
                "SELECT updated_at FROM loan_application WHERE id = ?", java.time.LocalDateTime.class, applicationId);
        assertThat(api.get("/api/v1/applications/" + applicationId, token).json().path("decision")
                .path("reapplyFrom").asText()).isEqualTo(declinedAt.toLocalDate().plusDays(30).toString());
        Api.Response tooSoon = api.post("/api/v1/applications", token, Map.of("amount", "500.00", "termMonths", 3,
                "bankCardNumber", WANG_WU.card(), "purpose", "CONSUMPTION"),
                Map.of("Idempotency-Key", "app-" + UUID.randomUUID()));
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().path("code").asText()).isEqualTo("REAPPLY_TOO_SOON");
        assertThat(tooSoon.json().path("message").asText()).contains(declinedAt.toLocalDate().plusDays(30).toString());
        String borrower = "SELECT COUNT(*) FROM loan_application WHERE borrower_id = (SELECT borrower_id FROM"
                + " loan_application WHERE id = ?)";
        assertThat(jdbc.queryForObject(borrower, Integer.class, applicationId)).as("nothing was created").isOne();

        // thirty days later
        jdbc.update("UPDATE loan_application SET updated_at = ? WHERE id = ?", declinedAt.minusDays(30), applicationId);
        apply(token, "500.00", 3, WANG_WU.card());
        assertThat(jdbc.queryForObject(borrower, Integer.class, applicationId)).isEqualTo(2);
    }

    @Test
    @Order(4)
    void zhaoLiuIsRejectedForBlacklist() {
        assertRejected(ZHAO_LIU, "R_BLACKLIST");
    }

    @Test
    @Order(5)
    void qianQiIsRejectedForCourtEnforcement() {
        assertRejected(QIAN_QI, "R_COURT_ENFORCEMENT");
    }

    @Test
    @Order(6)
    void cardThatFailsTwiceIsRetriedAndDisbursedOnce() {
        String applicationId = apply(zhangSanToken, "600.00", 3, "6217000000000006");
        awaitStatus(zhangSanToken, applicationId, "APPROVED");
        signContract(zhangSanToken, applicationId, ZHANG_SAN.phone());
        JsonNode active = awaitStatus(zhangSanToken, applicationId, "ACTIVE");
        assertThat(active.path("loanId").asText()).isNotBlank();
        String requestId = jdbc.queryForObject("SELECT request_id FROM disbursement WHERE application_id = ?",
                String.class, applicationId);
        assertThat(jdbc.queryForObject("SELECT attempts FROM sandbox_channel_payout WHERE request_id = ?",
                Integer.class, requestId)).as("two busy answers, then accepted").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_callback WHERE request_id = ?", Integer.class,
                requestId)).isEqualTo(1);

        // settle it so the next test can apply again
        String loanId = active.path("loanId").asText();
        String outstanding = api.get("/api/v1/loans/" + loanId, zhangSanToken).json().path("outstanding").asText();
        api.post("/api/v1/loans/" + loanId + "/repayments", zhangSanToken, Map.of("amount", outstanding),
                Map.of("Idempotency-Key", "repay-" + UUID.randomUUID()));
        awaitStatus(zhangSanToken, applicationId, "SETTLED");
    }

    @Test
    @Order(7)
    void cardThatFailsPermanentlyEndsInDisbursementFailedAndTheBorrowerIsTold() {
        String applicationId = apply(zhangSanToken, "700.00", 3, "6228480000000007");
        awaitStatus(zhangSanToken, applicationId, "APPROVED");
        signContract(zhangSanToken, applicationId, ZHANG_SAN.phone());
        JsonNode failed = awaitStatus(zhangSanToken, applicationId, "DISBURSEMENT_FAILED");
        assertThat(failed.path("loanId").isMissingNode() || failed.path("loanId").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE application_id = ?", Integer.class,
                applicationId)).isZero();
        awaitSms(ZHANG_SAN.phone(), body -> body.contains("放款失败"));
        assertThat(processState(applicationId)).isEqualTo("COMPLETED");
    }

    @Test
    @Order(8)
    void aBorrowerCannotSeeOrRepayAnotherBorrowersLoan() {
        String liSi = login(LI_SI);
        String liSiApplication = jdbc.queryForObject("SELECT a.id FROM loan_application a JOIN borrower b ON b.id = a.borrower_id"
                + " WHERE b.phone_masked = '138****0002' AND a.status = 'ACTIVE'", String.class);
        String liSiLoan = api.get("/api/v1/applications/" + liSiApplication, liSi).text("loanId");
        int repayments = jdbc.queryForObject("SELECT COUNT(*) FROM repayment", Integer.class);

        assertThat(api.get("/api/v1/applications/" + liSiApplication, zhangSanToken).status()).isEqualTo(404);
        // each borrower's list holds their own applications only
        JsonNode zhangSanList = api.get("/api/v1/applications", zhangSanToken).json();
        assertThat(zhangSanList).isNotEmpty();
        assertThat(zhangSanList.findValuesAsText("applicationId")).doesNotContain(liSiApplication)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT a.id FROM loan_application a JOIN borrower b"
                        + " ON b.id = a.borrower_id WHERE b.phone_masked = '138****0001'", String.class));
        assertThat(api.get("/api/v1/applications", liSi).json().findValuesAsText("applicationId")).contains(liSiApplication);
        assertThat(api.get("/api/v1/applications/" + liSiApplication + "/contract", zhangSanToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/loans/" + liSiLoan, zhangSanToken).status()).isEqualTo(404);
        Api.Response repay = api.post("/api/v1/loans/" + liSiLoan + "/repayments", zhangSanToken,
                Map.of("amount", "10.00"), Map.of("Idempotency-Key", "steal-" + UUID.randomUUID()));
        assertThat(repay.status()).isEqualTo(404);
        assertThat(repay.text("code")).isEqualTo("NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment", Integer.class)).isEqualTo(repayments);
    }

    @Test
    @Order(9)
    void noPersonalDataIsStoredInPlainTextInAnyTableIncludingCamundas() throws Exception {
        List<String> secrets = new java.util.ArrayList<>();
        for (Identity identity : List.of(ZHANG_SAN, LI_SI, WANG_WU, ZHAO_LIU, QIAN_QI)) {
            secrets.addAll(List.of(identity.name(), identity.idNumber(), identity.phone(), identity.card()));
        }
        List<String> leaks = new java.util.ArrayList<>();
        try (var connection = jdbc.getDataSource().getConnection()) {
            var meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString();
            try (var columns = meta.getColumns(connection.getCatalog(), null, "%", "%")) {
                while (columns.next()) {
                    String schema = columns.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                        continue;
                    }
                    int type = columns.getInt("DATA_TYPE");
                    if (type != java.sql.Types.VARCHAR && type != java.sql.Types.CHAR && type != java.sql.Types.CLOB
                            && type != java.sql.Types.LONGVARCHAR && type != java.sql.Types.NVARCHAR) {
                        continue;
                    }
                    String table = columns.getString("TABLE_NAME");
                    String column = columns.getString("COLUMN_NAME");
                    for (String secret : secrets) {
                        Integer hits = jdbc.queryForObject("SELECT COUNT(*) FROM " + quote + table + quote
                                + " WHERE " + quote + column + quote + " LIKE ?", Integer.class, "%" + secret + "%");
                        if (hits != null && hits > 0) {
                            leaks.add(table + "." + column);
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("columns holding plaintext personal data").isEmpty();

        List<String> redisValues = new java.util.ArrayList<>();
        try (var keys = redis.scan(org.springframework.data.redis.core.ScanOptions.scanOptions().count(500).build())) {
            keys.forEachRemaining(key -> {
                redisValues.add(key);
                switch (redis.type(key)) {
                    case STRING -> redisValues.add(String.valueOf(redis.opsForValue().get(key)));
                    case HASH -> redisValues.add(String.valueOf(redis.opsForHash().entries(key)));
                    case SET -> redisValues.add(String.valueOf(redis.opsForSet().members(key)));
                    case LIST -> redisValues.add(String.valueOf(redis.opsForList().range(key, 0, -1)));
                    default -> { }
                }
            });
        }
        assertThat(redisValues).as("Redis keys and values").isNotEmpty();
        assertNoSecrets("Redis", String.join("\n", redisValues), secrets);

        List<String> events = new java.util.ArrayList<>();
        for (var message = rabbit.receive(EVENT_TAP); message != null; message = rabbit.receive(EVENT_TAP)) {
            events.add(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(events).as("status events captured from RabbitMQ").hasSizeGreaterThan(10);
        assertNoSecrets("RabbitMQ messages", String.join("\n", events), secrets);

        String log = platformLog();
        assertThat(log).as("the log file was written").contains("Started ");
        assertNoSecrets("log file", log, secrets);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'maskedPhone'",
                Integer.class)).as("the check saw Camunda's history").isPositive();
    }

    @Test
    @Order(10)
    void lostCallbackIsFoundByTheStatusQueryAndTheLoanBecomesActive() {
        // 张三 has used up his applications for 90 days (R_PLATFORM_VELOCITY); 李四 settles and borrows again
        String token = login(LI_SI);
        String previous = jdbc.queryForObject("SELECT a.id FROM loan_application a JOIN borrower b ON b.id = a.borrower_id"
                + " WHERE b.phone_masked = '138****0002' AND a.status = 'ACTIVE'", String.class);
        String previousLoan = api.get("/api/v1/applications/" + previous, token).text("loanId");
        api.post("/api/v1/loans/" + previousLoan + "/repayments", token, Map.of("amount",
                api.get("/api/v1/loans/" + previousLoan, token).json().path("outstanding").asText()),
                Map.of("Idempotency-Key", "repay-" + UUID.randomUUID()));
        awaitStatus(token, previous, "SETTLED");

        String applicationId = apply(token, "500.00", 3, "6222600000000006");
        awaitStatus(token, applicationId, "IN_REVIEW");
        String taskId = api.engine("GET", "/task?processInstanceBusinessKey=" + applicationId, "reviewer1", null)
                .json().get(0).path("id").asText();
        api.engine("POST", "/task/" + taskId + "/claim", "reviewer1", Map.of("userId", "reviewer1"));
        // as Tasklist submits its form (submit-form: the fields are also kept as FormProperty history details)
        assertThat(api.engine("POST", "/task/" + taskId + "/submit-form", "reviewer1", Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "APPROVE", "type", "String")))).status()).isEqualTo(204);
        awaitStatus(token, applicationId, "APPROVED");
        signContract(token, applicationId, LI_SI.phone());
        JsonNode active = awaitStatus(token, applicationId, "ACTIVE");
        String requestId = jdbc.queryForObject("SELECT request_id FROM disbursement WHERE application_id = ?",
                String.class, applicationId);
        assertThat(jdbc.queryForObject("SELECT behaviour FROM sandbox_channel_payout WHERE request_id = ?",
                String.class, requestId)).as("the channel never sent a callback").isEqualTo("SUCCEED_CALLBACK_LOST");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_callback WHERE request_id = ?", Integer.class,
                requestId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE request_id = ?", String.class,
                requestId)).isEqualTo("SUCCEEDED");

        assertThat(active.path("loanId").asText()).isNotBlank();
    }

    private static void assertNoSecrets(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(text).as(where + " must not contain personal data in plain text").doesNotContain(secret);
        }
    }

    private String assertRejected(Identity identity, String reasonCode) {
        String token = onboard(identity);
        String applicationId = apply(token, "1000.00", 6, identity.card());
        JsonNode rejected = awaitStatus(token, applicationId, "REJECTED");
        assertThat(rejected.path("decision").path("outcome").asText()).isEqualTo("REJECTED");
        List<String> codes = new java.util.ArrayList<>();
        rejected.path("decision").path("reasonCodes").forEach(c -> codes.add(c.asText()));
        assertThat(codes).contains(reasonCode);
        assertThat(rejected.path("decision").path("reasons").get(0).path("description").asText()).isNotBlank()
                .as("a plain-language text, not the code").isNotEqualTo(reasonCode);
        assertThat(processState(applicationId)).isEqualTo("COMPLETED");
        // the text message names the reason in words, not as a code
        awaitSms(identity.phone(), body -> body.contains("未通过") && body.contains("主要原因：")
                && !body.contains(reasonCode));
        return applicationId;
    }

    String onboard(Identity identity) {
        Api.Response registered = api.post("/api/v1/borrowers", null, Map.of("phone", identity.phone(),
                "password", "Passw0rd!" + identity.phone().substring(7), "consents", consents()));
        assertThat(registered.status()).as(registered.json() == null ? "" : registered.json().toString()).isEqualTo(201);
        String token = login(identity);
        Api.Response submitted = api.put("/api/v1/borrowers/me/identity", token, Map.of(
                "name", identity.name(), "idNumber", identity.idNumber(),
                "idCardFrontImage", Base64.getEncoder().encodeToString(
                        SandboxIdCard.renderFront(identity.name(), identity.idNumber(), "北京市东城区示例路1号")),
                "selfieImage", Base64.getEncoder().encodeToString(SandboxIdCard.renderSelfie(identity.idNumber().hashCode()))));
        assertThat(submitted.status()).as(String.valueOf(submitted.json())).isEqualTo(202);
        JsonNode me = api.get("/api/v1/borrowers/me", token).json();
        assertThat(me.path("phone").asText()).isEqualTo(identity.phone().substring(0, 3) + "****" + identity.phone().substring(7));
        return token;
    }

    String login(Identity identity) {
        Api.Response session = api.post("/api/v1/sessions", null, Map.of("phone", identity.phone(),
                "password", "Passw0rd!" + identity.phone().substring(7)));
        assertThat(session.status()).isEqualTo(200);
        return session.text("token");
    }

    static List<Map<String, String>> consents() {
        return List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                Map.of("type", "FACE_RECOGNITION", "version", "1.0"));
    }

    String apply(String token, String amount, int termMonths, String card) {
        Api.Response response = api.post("/api/v1/applications", token, Map.of("amount", amount,
                "termMonths", termMonths, "bankCardNumber", card, "purpose", "CONSUMPTION"),
                Map.of("Idempotency-Key", "app-" + UUID.randomUUID()));
        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(202);
        return response.text("applicationId");
    }

    /**
     * Signs as a client of the API would. Where the test has not downloaded the contract yet, the signature is refused
     * (409 CONTRACT_NOT_READ, before the code is looked at) until it is; a wrong code is then a field error.
     */
    void signContract(String token, String applicationId, String phone) {
        signContract(token, applicationId, phone, false);
    }

    /** @param downloaded whether the test has downloaded the contract already (then no refusal comes first) */
    void signContract(String token, String applicationId, String phone, boolean downloaded) {
        String otp = awaitOtp(phone);
        String wrongOtp = otp.equals("000000") ? "111111" : "000000";
        Api.Response wrong = api.post("/api/v1/applications/" + applicationId + "/contract/signature", token,
                Map.of("otp", wrongOtp));
        if (!downloaded) {
            assertThat(wrong.status()).isEqualTo(409);
            assertThat(wrong.text("code")).isEqualTo("CONTRACT_NOT_READ");
            assertThat(api.get("/api/v1/applications/" + applicationId + "/contract", token).status()).isEqualTo(200);
            wrong = api.post("/api/v1/applications/" + applicationId + "/contract/signature", token,
                    Map.of("otp", wrongOtp));
        }
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("otp");
        Api.Response signed = api.post("/api/v1/applications/" + applicationId + "/contract/signature", token,
                Map.of("otp", otp));
        assertThat(signed.status()).as(String.valueOf(signed.json())).isEqualTo(202);
    }

    /** The contract is rendered asynchronously after approval (Task_PrepareContract is asyncBefore). */
    Api.Response awaitContract(String token, String applicationId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Response contract = api.get("/api/v1/applications/" + applicationId + "/contract", token);
            if (contract.status() == 200) {
                return contract;
            }
            assertThat(contract.status()).as("contract not ready yet").isEqualTo(404);
            sleep();
        }
        throw new AssertionError("No contract for " + applicationId);
    }

    String awaitOtp(String phone) {
        String body = awaitSms(phone, b -> b.contains("验证码"));
        // the message says what the code signs: amount, APR and total
        assertThat(body).contains("借款").contains("年化利率").contains("应还本息合计");
        Matcher m = Pattern.compile("验证码[^0-9]*(\\d{6})").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Newest message to the phone that matches and was not returned before (events may arrive out of order). */
    String awaitSms(String phone, Predicate<String> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode outbox = api.get("/sandbox/sms-outbox?phone=" + phone, null).json();
            for (JsonNode message : outbox == null ? List.<JsonNode>of() : (Iterable<JsonNode>) outbox::elements) {
                String body = message.path("body").asText();
                if (wanted.test(body) && consumedSms.add(message.path("messageId").asText())) {
                    return body;
                }
            }
            sleep();
        }
        throw new AssertionError("No matching SMS to " + phone.substring(0, 3) + "****");
    }

    JsonNode awaitStatus(String token, String applicationId, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/v1/applications/" + applicationId, token).json();
            if (status.equals(last.path("status").asText())) {
                return last;
            }
            sleep();
        }
        throw new AssertionError("Application " + applicationId + " did not reach " + status + "; last: " + last
                + "; incidents: " + api.engine("GET", "/incident", "admin", null).json());
    }

    /**
     * The platform's log: the current file and the files it rolled over to (by size, or at midnight, when a run
     * crosses it), so the check reads everything written, not just the newest part.
     */
    static String platformLog() throws java.io.IOException {
        StringBuilder log = new StringBuilder();
        java.nio.file.Path target = java.nio.file.Path.of("target");
        try (var rolled = java.nio.file.Files.newDirectoryStream(target, "e2e-platform.log.*.gz")) {
            for (java.nio.file.Path file : rolled) {
                try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
                    log.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return log.append(java.nio.file.Files.readString(target.resolve("e2e-platform.log"))).toString();
    }

    void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    String processState(String applicationId) {
        JsonNode instances = api.engine("GET", "/history/process-instance?processInstanceBusinessKey=" + applicationId,
                "admin", null).json();
        return instances.get(0).path("state").asText();
    }

    static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
