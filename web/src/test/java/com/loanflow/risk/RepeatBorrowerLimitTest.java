package com.loanflow.risk;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A borrower who repaid a loan here on time may ask for more than a first loan, and the decision steps the limit up
 * from the last settled loan's by limit-increase.dmn (RiskEngine.price): the record is read from the database
 * (RepaymentRecord), goes into the decision's input, and the limit and its reason are stored and shown. A borrower
 * without a settled loan asking for more gets a 400 on the amount and nothing is created.
 */
class RepeatBorrowerLimitTest extends RunningPlatform {

    @org.springframework.beans.factory.annotation.Autowired
    DecisionReplay replay;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.FormService formService;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    private static final String EARLIER_LIMIT = "2000.00";
    private static final String ASKED = "2800.00";

    /** Six on-time installments after a 2,000.00 limit: tier A/B step 1,000, C 500, D stays at its 2,000 ceiling. */
    private static final Map<String, String> EXPECTED_LIMIT = Map.of("A", "3000.00", "B", "3000.00", "C", "2500.00",
            "D", "2000.00");

    @Test
    void aFirstTimeBorrowerCannotAskForMoreThanAFirstLoan() {
        PlatformHttp http = http();
        String token = http.onboard(PlatformHttp.beijingPhone(), readableIdNumber());
        PlatformHttp.Response refused = apply(http, token, ASKED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(refused.json().path("fieldErrors").get(0).path("message").asText()).contains("first loan");
        String borrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json().path("borrowerId")
                .asText();
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE borrower_id = ?", borrowerId))
                .as("nothing created").isZero();
        assertThat(http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json()
                .path("maxApplicationAmount").asText()).as("what the borrower is told they may ask").isEqualTo("2000.00");
        assertThat(apply(http, token, "2000.01").status()).as("above a first loan").isEqualTo(400);
        assertThat(apply(http, token, "5000.01").status()).as("above any limit").isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM loan_application WHERE borrower_id = ?", borrowerId)).isZero();
    }

    @Test
    void aBorrowerWhoRepaidOnTimeGetsTheSteppedLimitAndIsToldWhy() throws Exception {
        PlatformHttp http = http();
        // the sandbox bureau gives each generated ID number a real GMSC file; some are rejected outright, so try a
        // few borrowers until one is priced
        for (int attempt = 0; attempt < 5; attempt++) {
            String token = http.onboard(PlatformHttp.beijingPhone(), readableIdNumber());
            String borrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json()
                    .path("borrowerId").asText();
            String[] earlier = settledLoan(borrowerId);
            try {
                assertThat(http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json()
                        .path("maxApplicationAmount").asText()).isEqualTo("5000.00");
                assertThat(apply(http, token, "5000.01").status()).as("above any limit, even now").isEqualTo(400);
                PlatformHttp.Response submitted = apply(http, token, ASKED);
                assertThat(submitted.status()).as("a repeat borrower may ask for more: %s", submitted.json())
                        .isEqualTo(202);
                String applicationId = submitted.json().path("applicationId").asText();
                DisbursingApplication.await("the automatic decision", () -> count(
                        "SELECT COUNT(*) FROM risk_decision WHERE application_id = ?", applicationId) == 1);
                Map<String, Object> decision = jdbc.queryForMap("SELECT outcome, risk_tier, credit_limit,"
                        + " limit_reason_code, input_json FROM risk_decision WHERE application_id = ?", applicationId);
                String input = (String) decision.get("INPUT_JSON");
                assertThat(input).as("the record read from the database is what was decided on")
                        .contains("\"settledLoans\":1").contains("\"onTimeInstallments\":6")
                        .contains("\"settledCreditLimit\":" + EARLIER_LIMIT);
                // the stored input (with the record) replays to the same limit and reason, both arms
                DecisionReplay.Result replayed = replay.replay(applicationId);
                assertThat(replayed.sameResult()).isTrue();
                assertThat(replayed.shadow().sameResult()).isTrue();
                assertThat(replayed.replayed().limitReasonCode()).isEqualTo(decision.get("LIMIT_REASON_CODE"));
                if ("REJECT".equals(decision.get("OUTCOME"))) {
                    assertThat(decision.get("CREDIT_LIMIT")).isNull();
                    continue;
                }
                String tier = (String) decision.get("RISK_TIER");
                assertThat((BigDecimal) decision.get("CREDIT_LIMIT")).as("tier %s", tier)
                        .isEqualByComparingTo(EXPECTED_LIMIT.get(tier));
                assertThat(decision.get("LIMIT_REASON_CODE"))
                        .isEqualTo("D".equals(tier) ? "L_TIER_CEILING" : "L_ON_TIME_REPAYMENTS");
                // a reviewer's form reads what approving grants and the record behind it (process variables)
                var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                        .singleResult();
                assertThat((String) runtimeService.getVariable(instance.getId(), "platformRecord"))
                        .contains("Loans repaid here: 1; installments of the last one paid on time: 6;"
                                + " most days late in 24 months: 0; its credit limit: 2000.00 CNY");
                assertThat((String) runtimeService.getVariable(instance.getId(), "offeredTerms"))
                        .contains("Credit limit " + EXPECTED_LIMIT.get(tier) + " CNY")
                        .contains("(" + decision.get("LIMIT_REASON_CODE") + ")");
                if ("REVIEW".equals(decision.get("OUTCOME"))) {
                    approveInReview(applicationId);
                }
                DisbursingApplication.await("the approval's terms", () -> count("SELECT COUNT(*) FROM"
                        + " loan_application WHERE id = ? AND approved_amount IS NOT NULL", applicationId) == 1);
                var view = http.send("GET", "/api/v1/applications/" + applicationId, bearer(token), null).json()
                        .path("decision");
                assertThat(new BigDecimal(view.path("approvedAmount").asText())).as("at most the stepped limit")
                        .isEqualByComparingTo(new BigDecimal(ASKED).min(new BigDecimal(EXPECTED_LIMIT.get(tier))));
                assertThat(view.path("creditLimitReason").path("code").asText())
                        .isEqualTo(decision.get("LIMIT_REASON_CODE"));
                assertThat(view.path("creditLimitReason").path("description").asText()).isNotBlank();
                return;
            } finally {
                jdbc.update("DELETE FROM installment WHERE loan_id = ?", earlier[1]);
                jdbc.update("DELETE FROM loan WHERE id = ?", earlier[1]);
                jdbc.update("DELETE FROM loan_application WHERE id = ?", earlier[0]);
            }
        }
        fail("five generated borrowers in a row were rejected");
    }

    /** A reviewer of the group the decision routed to approves the application, as Tasklist would. */
    private void approveInReview(String applicationId) throws Exception {
        DisbursingApplication.await("the review task", () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(applicationId).count() == 1);
        String reviewer = "senior-reviewers".equals(jdbc.queryForObject(
                "SELECT review_group FROM risk_decision WHERE application_id = ?", String.class, applicationId))
                ? "senior1" : "reviewer1";
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
        taskService.claim(taskId, reviewer);
        formService.submitTaskForm(taskId, Map.of("reviewDecision", "APPROVE"));
    }

    private static PlatformHttp.Response apply(PlatformHttp http, String token, String amount) {
        Map<String, String> headers = new HashMap<>(bearer(token));
        headers.put("Idempotency-Key", "repeat-" + UUID.randomUUID());
        return http.send("POST", "/api/v1/applications", headers, Map.of("amount", amount, "termMonths", 6,
                "bankCardNumber", "6222020000000056", "purpose", "CONSUMPTION"));
    }

    /**
     * An earlier loan of this borrower, repaid in full: approved at a 2,000.00 limit 200 days ago (outside the 90-day
     * application count), six monthly installments paid without overdue interest, all fallen due. Interest-free so
     * the ledger checks of the shared database hold; removed afterwards. Returns {application id, loan id}.
     */
    private String[] settledLoan(String borrowerId) {
        String applicationId = Ids.newId();
        String loanId = Ids.newId();
        LocalDateTime paidOut = LocalDateTime.now().minusDays(200).withNano(0);
        jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount, term_months,"
                + " bank_card_enc, bank_card_idx, bank_card_masked, purpose, status, open_slot, credit_limit,"
                + " apr_percent, approved_amount, loan_id, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, 1200.00, 6, 'x', ?, '6222 **** **** 0056', 'CONSUMPTION', 'SETTLED', NULL, ?,"
                + " 18.00, 1200.00, ?, ?, ?, 0)", applicationId, borrowerId, "earlier-" + applicationId,
                "idx-" + applicationId, new BigDecimal(EARLIER_LIMIT), loanId, paidOut.minusDays(1), paidOut);
        jdbc.update("INSERT INTO loan (id, application_id, borrower_id, principal, apr_percent, term_months,"
                + " outstanding_principal, outstanding_interest, status, disbursed_at, settled_at)"
                + " VALUES (?, ?, ?, 1200.00, 18.00, 6, 0, 0, 'SETTLED', ?, ?)", loanId, applicationId, borrowerId,
                paidOut, paidOut.plusDays(180));
        for (int seq = 1; seq <= 6; seq++) {
            jdbc.update("INSERT INTO installment (id, loan_id, seq, due_date, principal_due, interest_due,"
                    + " principal_paid, interest_paid, status) VALUES (?, ?, ?, ?, 200.00, 0, 200.00, 0, 'PAID')",
                    Ids.newId(), loanId, seq, paidOut.toLocalDate().plusMonths(seq));
        }
        return new String[] {applicationId, loanId};
    }
}
