package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.payment.Disbursements;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A repayment is money that arrived, never the borrower's word: the borrower API only asks the channel to debit the
 * card; a bank transfer is recorded by operations from the statement line, once; one withholding is in flight per
 * loan, enforced by the database; and a channel answer that contradicts the one applied changes nothing.
 */
@PlatformTest
class MoneyArrivedTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Disbursements disbursements;

    @Autowired
    Withholdings withholdings;

    @Autowired
    Repayments repayments;

    @Autowired
    com.loanflow.loan.LoanMapper loanMapper;

    @Autowired
    WithholdingMapper withholdingMapper;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    com.loanflow.borrower.SessionTokens sessions;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aBorrowerCannotMarkALoanRepaidWithoutMoneyMoving() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");
        String loanId = application.paidOut(disbursements, http, port);
        String token = sessions.issue(application.borrowerId);
        Map<String, Object> before = state(loanId);

        var direct = borrowerRepay(token, loanId, "direct-" + loanId.substring(0, 8),
                "{\"amount\":\"1000.00\",\"method\":\"DIRECT\"}");

        assertThat(direct.statusCode()).isEqualTo(400);
        assertThat(json.readTree(direct.body()).path("fieldErrors").findValuesAsText("field")).containsExactly("method");
        assertThat(direct.body()).contains("recorded by operations");
        assertThat(state(loanId)).as("nothing changed").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE loan_id = ?", Integer.class, loanId))
                .isZero();
    }

    @Test
    void operationsRecordABankTransferOnceByItsStatementReference() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");
        String loanId = application.paidOut(disbursements, http, port);
        var other = new DisbursingApplication(jdbc, cipher, runtime, "800.00");
        String otherLoanId = other.paidOut(disbursements, http, port);
        // letters only: the audit log masks long digit runs, and this test finds its entries by the reference
        String reference = "CMB" + Ids.newId().replace("-", "").substring(0, 16).toUpperCase()
                .chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'G' + (c - '0') : c)))
                .collect(java.util.stream.Collectors.joining());
        String body = "{\"amount\":\"175.53\",\"bankReference\":\"" + reference + "\"" + valueDatedToday() + "}";
        Map<String, Object> before = state(loanId);

        assertThat(opsPost(loanId, body, null).statusCode()).isEqualTo(401);
        assertThat(opsPost(loanId, body, "reviewer1").statusCode()).isEqualTo(403);
        var badReference = opsPost(loanId, "{\"amount\":\"175.53\",\"bankReference\":\"x'; --\"" + valueDatedToday() + "}", "ops1");
        assertThat(badReference.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badReference.body()).path("fieldErrors").findValuesAsText("field"))
                .containsExactly("bankReference");
        var misspelt = opsPost(loanId, "{\"amount\":\"175.53\",\"bankRef\":\"" + reference + "\",\"bankReference\":\""
                + reference + "\"" + valueDatedToday() + "}", "ops1");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json.readTree(misspelt.body()).path("fieldErrors").findValuesAsText("field"))
                .containsExactly("bankRef");
        var badAmount = opsPost(loanId, "{\"amount\":\"175.5\",\"bankReference\":\"" + reference + "\"" + valueDatedToday() + "}", "ops1");
        assertThat(json.readTree(badAmount.body()).path("fieldErrors").findValuesAsText("field"))
                .containsExactly("amount");
        for (String valueDate : new String[] {"", "2026-02-30", "yesterday", java.time.LocalDate.now().plusDays(1)
                .toString(), java.time.LocalDate.now().minusDays(1).toString()}) {
            var badDate = opsPost(loanId, "{\"amount\":\"175.53\",\"bankReference\":\"" + reference
                    + "\",\"valueDate\":\"" + valueDate + "\"}", "ops1");
            assertThat(badDate.statusCode()).as("value date '%s': %s", valueDate, badDate.body()).isEqualTo(400);
            assertThat(json.readTree(badDate.body()).path("fieldErrors").findValuesAsText("field"))
                    .containsOnly("valueDate");
        }
        assertThat(state(loanId)).as("refusals change nothing").isEqualTo(before);

        var recorded = opsPost(loanId, body, "ops1");
        var again = opsPost(loanId, body, "ops1");
        var retyped = opsPost(loanId, body.replace(reference, reference.toLowerCase()), "ops1");
        var elsewhere = opsPost(otherLoanId, body, "ops1");

        assertThat(recorded.statusCode()).isEqualTo(201);
        JsonNode repayment = json.readTree(recorded.body());
        String repaymentId = repayment.path("repaymentId").asText();
        assertThat(repayment.path("method").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(repayment.path("status").asText()).as("one operator's word applies nothing").isEqualTo("PENDING");
        assertThat(state(loanId)).containsEntry("outstanding_principal", before.get("outstanding_principal"))
                .containsEntry("entries", before.get("entries"));
        assertThat(json.readTree(again.body()).path("repaymentId").asText()).as("the same statement line, once")
                .isEqualTo(repaymentId);
        assertThat(json.readTree(retyped.body()).path("repaymentId").asText())
                .as("the same line typed in lower case (H2 compared it case-sensitively)").isEqualTo(repaymentId);

        JsonNode attention = json.readTree(opsGet("/ops/v1/repayments/attention?limit=500", "ops2").body());
        assertThat(attention).filteredOn(a -> a.path("repaymentId").asText().equals(repaymentId)).singleElement()
                .satisfies(a -> assertThat(a.path("reason").asText()).isEqualTo("AWAITING_SECOND_OPERATOR"));
        var selfApproved = opsPost("/ops/v1/bank-transfers/" + repaymentId + "/approval", "{}", "ops1");
        assertThat(selfApproved.statusCode()).isEqualTo(409);
        assertThat(json.readTree(selfApproved.body()).path("code").asText()).isEqualTo("FOUR_EYES_REQUIRED");
        var approved = opsPost("/ops/v1/bank-transfers/" + repaymentId + "/approval", "{}", "ops2");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("status").asText()).isEqualTo("APPLIED");
        assertThat(jdbc.queryForMap("SELECT recorded_by, decided_by FROM repayment WHERE id = ?", repaymentId))
                .containsEntry("recorded_by", "ops1").containsEntry("decided_by", "ops2");
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(json.readTree(elsewhere.body()).path("code").asText()).isEqualTo("BANK_REFERENCE_RECORDED");

        // a line recorded against the wrong loan is rejected by the second operator and can never be applied
        var wrongLoan = json.readTree(opsPost(otherLoanId, "{\"amount\":\"50.00\",\"bankReference\":\"" + reference
                + "-W\"" + valueDatedToday() + "}", "ops1").body()).path("repaymentId").asText();
        assertThat(opsPost("/ops/v1/bank-transfers/" + wrongLoan + "/rejection", "{}", "ops2").statusCode())
                .as("a reason is required").isEqualTo(400);
        var rejected = opsPost("/ops/v1/bank-transfers/" + wrongLoan + "/rejection",
                "{\"reason\":\"statement line belongs to another borrower, 139 1234 5678\"}", "ops2");
        assertThat(json.readTree(rejected.body()).path("status").asText()).isEqualTo("REJECTED");
        // a number typed into the reason is masked before the audit log keeps it
        assertThat(jdbc.queryForObject("SELECT details FROM audit_log WHERE action = 'REPAYMENT_BANK_TRANSFER_REJECTED'"
                + " ORDER BY seq DESC LIMIT 1", String.class)).contains("another borrower").doesNotContain("1234 5678");
        assertThat(json.readTree(opsPost("/ops/v1/bank-transfers/" + wrongLoan + "/approval", "{}", "ops2").body())
                .path("code").asText()).isEqualTo("BANK_TRANSFER_DECIDED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "REPAYMENT:" + wrongLoan)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE bank_reference = ?", Integer.class,
                reference)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM repayment WHERE loan_id = ?", String.class, otherLoanId))
                .as("only the rejected line").containsExactly("REJECTED");
        // ... and the line, recorded again against the right loan, is applied there; the rejected row keeps showing it
        var rightLoan = opsPost(loanId, "{\"amount\":\"50.00\",\"bankReference\":\"" + reference + "-W\""
                + valueDatedToday() + "}", "ops1");
        assertThat(rightLoan.statusCode()).as(rightLoan.body()).isEqualTo(201);
        String rightId = json.readTree(rightLoan.body()).path("repaymentId").asText();
        assertThat(rightId).isNotEqualTo(wrongLoan);
        var appliedRight = opsPost("/ops/v1/bank-transfers/" + rightId + "/approval", "{}", "ops2");
        assertThat(json.readTree(appliedRight.body()).path("status").asText()).as(appliedRight.body())
                .isEqualTo("APPLIED");
        assertThat(json.readTree(opsPost(otherLoanId, "{\"amount\":\"50.00\",\"bankReference\":\"" + reference
                + "-W\"" + valueDatedToday() + "}", "ops1").body()).path("code").asText())
                .as("applied now: the line is taken again").isEqualTo("BANK_REFERENCE_RECORDED");
        assertThat(jdbc.queryForMap("SELECT bank_reference, rejected_bank_reference FROM repayment WHERE id = ?",
                wrongLoan)).containsEntry("bank_reference", null).containsEntry("rejected_bank_reference", reference + "-W");
        assertThat(jdbc.queryForObject("SELECT idempotency_key FROM repayment WHERE id = ?", String.class, rightId))
                .as("outside the borrower's key space").isEqualTo("BANK:" + rightId);
        assertThat(ledger.lines("REPAYMENT:" + repaymentId)).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("175.53")),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("160.53")),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, new BigDecimal("15.00")));
        assertThat(jdbc.queryForList("SELECT actor FROM audit_log WHERE action LIKE 'REPAYMENT_BANK_TRANSFER_%'"
                + " AND subject_id = ? AND details LIKE ? ORDER BY seq", String.class, loanId, "%" + reference + "%"))
                .as("this line, then the rejected one recorded again here").containsExactly("ops1", "ops2", "ops1", "ops2");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aCardDebitQuotedBeforeABankTransferWasRecordedCannotClaimTheLoan() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "500.00");
        String loanId = application.paidOut(disbursements, http, port);
        // the withholding request's read: the loan, and no transfer in flight yet
        int quotedVersion = loanMapper.findById(loanId).orElseThrow().version();

        repayments.recordBankTransfer(loanId, "ABC-RACE-" + loanId.substring(0, 8), new BigDecimal("100.00"),
                java.time.LocalDate.now(), "ops1");

        assertThat(loanMapper.claimVersion(loanId, quotedVersion))
                .as("the debit's claim fails, so it quotes again and counts the transfer").isZero();
    }

    @Test
    void oneWithholdingIsInFlightPerLoanAndABankTransferCannotCountOnWhatItMayCollect() throws Exception {
        // callback lost: the withholding stays open until the status query finds it (3 s in this suite)
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00", "6222600000000006");
        String loanId = application.paidOut(disbursements, http, port);
        String token = sessions.issue(application.borrowerId);
        BigDecimal quote = settlementQuote(loanId, token);

        // recorded, not sent yet: the status query sends it after 3 s and, the callback being lost, finds the result
        // 3 s after that, so it stays open for the checks below by several seconds
        Repayment first = withholdings.request(application.borrowerId, loanId, "wh-1-" + loanId.substring(0, 8),
                new BigDecimal("600.00"));
        String openId = jdbc.queryForObject("SELECT id FROM withholding WHERE repayment_id = ?", String.class,
                first.id());
        var second = borrowerRepay(token, loanId, "wh-2-" + loanId.substring(0, 8), "{\"amount\":\"100.00\"}");
        var transferOver = opsPost(loanId, "{\"amount\":\"" + quote.subtract(new BigDecimal("599.99"))
                + "\",\"bankReference\":\"ICBC-OVER-" + loanId.substring(0, 8) + "\"" + valueDatedToday() + "}", "ops1");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json.readTree(second.body()).path("code").asText()).isEqualTo("WITHHOLDING_IN_PROGRESS");
        // the money is in the lender's account: it is recorded, but not applied while the debit is unanswered
        assertThat(transferOver.statusCode()).as(transferOver.body()).isEqualTo(201);
        String overId = json.readTree(transferOver.body()).path("repaymentId").asText();
        var tooEarly = opsPost("/ops/v1/bank-transfers/" + overId + "/approval", "{}", "ops2");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooEarly.body()).path("code").asText()).isEqualTo("WITHHOLDING_IN_PROGRESS");
        assertThat(repaymentStatus(overId)).isEqualTo("PENDING");
        String otherRepayment = Ids.newId();
        jdbc.update("INSERT INTO repayment (id, loan_id, borrower_id, idempotency_key, amount, principal_part,"
                + " interest_part, status, received_at, penalty_part, method) VALUES (?, ?, ?, ?, 1.00, 0, 0, 'PENDING', ?,"
                + " 0, 'CARD_WITHHOLDING')", otherRepayment, loanId, application.borrowerId, "wh-x-" + loanId.substring(0, 8),
                LocalDateTime.now());
        assertThatThrownBy(() -> jdbc.update("INSERT INTO withholding (id, repayment_id, loan_id, installment_seq,"
                + " attempt, request_id, channel, amount, status, created_at, updated_at, version, open_loan_id)"
                + " VALUES (?, ?, ?, 1, 99, ?, 'sandbox', 1.00, 'REQUESTED', ?, ?, 0, ?)", Ids.newId(), otherRepayment,
                loanId, "WHX" + loanId.substring(0, 8), LocalDateTime.now(), LocalDateTime.now(), loanId))
                .as("the database itself refuses a second open withholding").isInstanceOf(DuplicateKeyException.class)
                .hasMessageMatching("(?is).*uk_withholding_open.*"); // H2 names it in capitals
        jdbc.update("DELETE FROM repayment WHERE id = ?", otherRepayment);
        assertThat(jdbc.queryForObject("SELECT open_loan_id FROM withholding WHERE id = ?", String.class, openId))
                .as("still in flight when the refusals above were made").isEqualTo(loanId);

        var transferRest = opsPost(loanId, "{\"amount\":\"" + quote.subtract(new BigDecimal("600.00"))
                + "\",\"bankReference\":\"ICBC-REST-" + loanId.substring(0, 8) + "\"" + valueDatedToday() + "}", "ops1");
        assertThat(transferRest.statusCode()).as(transferRest.body()).isEqualTo(201);
        assertThat(opsPost("/ops/v1/bank-transfers/" + json.readTree(transferRest.body()).path("repaymentId").asText()
                + "/approval", "{}", "ops2").statusCode()).isEqualTo(200);
        DisbursingApplication.await("the status query to settle the withholding",
                () -> "APPLIED".equals(repaymentStatus(first.id())));

        assertThat(jdbc.queryForObject("SELECT open_loan_id FROM withholding WHERE id = ?", String.class, openId))
                .as("the slot is free once the withholding is final").isNull();
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM repayment WHERE loan_id = ?"
                + " AND status = 'APPLIED'", BigDecimal.class, loanId)).as("both applied, nothing over the quote")
                .isEqualByComparingTo(quote);
        // the transfer recorded while the debit was open, approved once that has ended: what the loan still owes is
        // applied (the partial payments above paid installments' scheduled interest, so the quote has not settled
        // it), the loan settles, and the rest is owed back; every yuan of the line is on the ledger (it was refused
        // when recorded and stayed outside it)
        BigDecimal overAmount = quote.subtract(new BigDecimal("599.99"));
        var late = opsPost("/ops/v1/bank-transfers/" + overId + "/approval", "{}", "ops2");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, loanId))
                .isEqualTo("SETTLED");
        BigDecimal applied = "APPLIED".equals(json.readTree(late.body()).path("status").asText())
                ? new BigDecimal(json.readTree(late.body()).path("amount").asText()) : BigDecimal.ZERO;
        BigDecimal owedBack = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM repayment WHERE status ="
                + " 'REFUND_DUE' AND (id = ? OR idempotency_key = ?)", BigDecimal.class, overId, "BANK-EXCESS:" + overId);
        assertThat(owedBack).as("some of it is owed back").isPositive();
        assertThat(applied.add(owedBack)).as("applied and owed back make the line").isEqualByComparingTo(overAmount);
        assertThat(jdbc.queryForObject("SELECT SUM(jl.amount) FROM journal_line jl JOIN journal_entry je"
                + " ON je.id = jl.entry_id WHERE jl.account = 'LENDER_DEPOSITORY_CASH' AND jl.side = 'DEBIT' AND"
                + " je.business_key IN (SELECT CONCAT('REPAYMENT:', id) FROM repayment WHERE id = ? OR idempotency_key"
                + " = ?)", BigDecimal.class, overId, "BANK-EXCESS:" + overId)).isEqualByComparingTo(overAmount);
        var again = opsPost("/ops/v1/bank-transfers/" + overId + "/approval", "{}", "ops2");
        assertThat(again.body()).as("approved again: the same answer, nothing applied twice").isEqualTo(late.body());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aTransferBringingMoreThanTheLoanOwesSettlesItAndTheRestIsOwedBack() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "900.00");
        String loanId = application.paidOut(disbursements, http, port);
        BigDecimal quote = settlementQuote(loanId, sessions.issue(application.borrowerId));
        String reference = "ABC-OVERPAID-" + loanId.substring(0, 8);
        String body = "{\"amount\":\"" + quote.add(new BigDecimal("50.25")) + "\",\"bankReference\":\"" + reference
                + "\"" + valueDatedToday() + "}";
        var recorded = opsPost(loanId, body, "ops1");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String transferId = json.readTree(recorded.body()).path("repaymentId").asText();

        var approved = opsPost("/ops/v1/bank-transfers/" + transferId + "/approval", "{}", "ops2");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("status").asText()).isEqualTo("APPLIED");
        assertThat(json.readTree(approved.body()).path("amount").asText()).as("what the loan owed")
                .isEqualTo(quote.toPlainString());
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, loanId))
                .isEqualTo("SETTLED");
        var excess = jdbc.queryForMap("SELECT id, amount, status, method FROM repayment WHERE idempotency_key = ?",
                "BANK-EXCESS:" + transferId);
        assertThat(excess).containsEntry("status", "REFUND_DUE").containsEntry("method", "BANK_TRANSFER");
        assertThat((BigDecimal) excess.get("amount")).isEqualByComparingTo("50.25");
        assertThat(ledger.lines("REPAYMENT:" + excess.get("id"))).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("50.25")),
                JournalLine.credit(LedgerAccount.BORROWER_REFUND_PAYABLE, new BigDecimal("50.25")));
        assertThat(jdbc.queryForObject("SELECT SUM(jl.amount) FROM journal_line jl JOIN journal_entry je"
                + " ON je.id = jl.entry_id WHERE je.business_key IN (?, ?) AND jl.account = 'LENDER_DEPOSITORY_CASH'",
                BigDecimal.class, "REPAYMENT:" + transferId, "REPAYMENT:" + excess.get("id")))
                .as("every yuan of the statement line is on the ledger").isEqualByComparingTo(quote.add(
                        new BigDecimal("50.25")));

        // the line recorded again (a double click, a re-import) is the same record, not a new one or a conflict
        var again = opsPost(loanId, body, "ops1");
        assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
        assertThat(json.readTree(again.body()).path("repaymentId").asText()).isEqualTo(transferId);
        assertThat(json.readTree(opsPost("/ops/v1/bank-transfers/" + transferId + "/approval", "{}", "ops2").body())
                .path("status").asText()).as("approved again: the same answer").isEqualTo("APPLIED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE loan_id = ? AND status = 'REFUND_DUE'",
                Integer.class, loanId)).as("one excess, however often approved").isOne();

        // paid back to the borrower's card; the two who made the money owed back cannot also pay it out
        String refund = "{\"bankReference\":\"REFUND-" + loanId.substring(0, 8) + "\",\"amount\":\"50.25\","
                + "\"payeeCardNumber\":\"" + application.bankCard + "\"}";
        var recordedRefund = opsPost("/ops/v1/repayments/" + excess.get("id") + "/refund", refund, "ops1");
        assertThat(recordedRefund.statusCode()).as(recordedRefund.body()).isEqualTo(201);
        String refundId = json.readTree(recordedRefund.body()).path("refundId").asText();
        var byTheApprover = opsPost("/ops/v1/refunds/" + refundId + "/approval", "{}", "ops2");
        assertThat(byTheApprover.statusCode()).isEqualTo(409);
        assertThat(json.readTree(byTheApprover.body()).path("code").asText()).isEqualTo("THIRD_PERSON_REQUIRED");
        assertThat(repaymentStatus((String) excess.get("id"))).isEqualTo("REFUND_DUE");
        var byAThird = opsPost("/ops/v1/refunds/" + refundId + "/approval", "{}", "ops3");
        assertThat(byAThird.statusCode()).as(byAThird.body()).isEqualTo(200);
        assertThat(repaymentStatus((String) excess.get("id"))).isEqualTo("REFUNDED");
        assertThat(invariants.check().violations()).isEmpty();

        // once the account is closed, a late line is not taken in: its money goes back where it came from, outside
        jdbc.update("UPDATE borrower SET closed_at = ? WHERE id = ?", LocalDateTime.now(), application.borrowerId);
        try {
            var closed = opsPost(loanId, "{\"amount\":\"10.00\",\"bankReference\":\"ABC-LATE-" + loanId.substring(0, 8)
                    + "\"" + valueDatedToday() + "}", "ops1");
            assertThat(closed.statusCode()).isEqualTo(409);
            assertThat(json.readTree(closed.body()).path("code").asText()).isEqualTo("ACCOUNT_CLOSED");
        } finally {
            jdbc.update("UPDATE borrower SET closed_at = NULL WHERE id = ?", application.borrowerId);
        }
    }

    @Test
    void aFinalCallbackContradictingTheAppliedOneIsKeptForOperationsAndChangesNothing() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "700.00");
        var order = disbursements.request(application.applicationId);
        assertThat(DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null)).statusCode()).isEqualTo(200);
        String loanId = application.awaitLoanId();
        Map<String, Object> before = state(loanId);

        var contradiction = DisbursingApplication.callback(order.requestId(), "FAILED", "CARD_INVALID");
        var first = DisbursingApplication.deliver(http, port, contradiction);
        var repeated = DisbursingApplication.deliver(http, port, contradiction);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("CONFLICT");
        assertThat(repeated.body()).contains("CONFLICT");
        assertThat(jdbc.queryForMap("SELECT applied_status, status, failure_code FROM payment_callback_conflict"
                + " WHERE request_id = ?", order.requestId())).containsEntry("applied_status", "SUCCEEDED")
                .containsEntry("status", "FAILED").containsEntry("failure_code", "CARD_INVALID");
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE request_id = ?", String.class,
                order.requestId())).isEqualTo("SUCCEEDED");
        assertThat(state(loanId)).isEqualTo(before);

        var same = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null));
        assertThat(same.body()).as("the applied answer again is a plain repeat").contains("DUPLICATE");
        assertThat(opsGet("/ops/v1/payment-callback-conflicts?limit=500", null).statusCode()).isEqualTo(401);
        JsonNode conflicts = json.readTree(opsGet("/ops/v1/payment-callback-conflicts?limit=500", "ops1").body());
        assertThat(conflicts.findValuesAsText("requestId")).as("ops see it").containsOnlyOnce(order.requestId());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aWithholdingTheChannelNeverAcceptedExpiresAndFreesTheLoansSlot() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00");
        String loanId = application.paidOut(disbursements, http, port);
        Repayment stuck = withholdings.request(application.borrowerId, loanId, "wh-e-" + loanId.substring(0, 8),
                new BigDecimal("100.00"));
        // requested two days ago and never accepted (never reached the channel); the expiry is a day
        LocalDateTime twoDaysAgo = LocalDateTime.now().minusDays(2);
        jdbc.update("UPDATE withholding SET created_at = ?, updated_at = ? WHERE repayment_id = ?", twoDaysAgo,
                twoDaysAgo, stuck.id());

        DisbursingApplication.await("the expiry", () -> "FAILED".equals(repaymentStatus(stuck.id())));

        var expired = jdbc.queryForMap("SELECT status, failure_code, open_loan_id, request_id FROM withholding"
                + " WHERE repayment_id = ?", stuck.id());
        assertThat(expired).containsEntry("status", "FAILED").containsEntry("failure_code", "EXPIRED")
                .containsEntry("open_loan_id", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_channel_payout WHERE request_id = ?",
                Integer.class, expired.get("request_id"))).as("never sent after it expired").isZero();
        assertThat(withholdings.request(application.borrowerId, loanId, "wh-n-" + loanId.substring(0, 8),
                new BigDecimal("100.00")).status()).as("the slot is free again").isEqualTo("PENDING");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void anExpiryThatReadTheWithholdingBeforeASendStartedLeavesItToThatSend() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00");
        String loanId = application.paidOut(disbursements, http, port);
        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-x-" + loanId.substring(0, 8),
                new BigDecimal("100.00"));
        Withholding readByExpiry = withholdingMapper.findByRepaymentId(pending.id()).orElseThrow();

        // a re-send (the borrower's retry, or another node's job) marks the row, then asks the channel; the expiry,
        // whose status query the channel answered "unknown" just before, commits only now
        assertThat(withholdingMapper.markSendAttempt(readByExpiry.id(), readByExpiry.version(), LocalDateTime.now()))
                .isEqualTo(1);
        withholdings.expire(readByExpiry.requestId(), readByExpiry.version());

        assertThat(repaymentStatus(pending.id())).as("not failed under a send in flight").isEqualTo("PENDING");
        assertThat(jdbc.queryForMap("SELECT status, open_loan_id FROM withholding WHERE repayment_id = ?",
                pending.id())).containsEntry("status", "REQUESTED").containsEntry("open_loan_id", loanId);
        // that send's acceptance and the channel's callback then apply the money, once
        assertThat(withholdings.send(pending.id()).status()).isEqualTo(Withholding.Status.SENT);
        DisbursingApplication.await("the withholding's callback", () -> "APPLIED".equals(repaymentStatus(pending.id())));
        // an expiry with the current version of a withholding still REQUESTED does end it (the ordinary path)
        Repayment other = withholdings.request(application.borrowerId, loanId, "wh-y-" + loanId.substring(0, 8),
                new BigDecimal("50.00"));
        Withholding current = withholdingMapper.findByRepaymentId(other.id()).orElseThrow();
        withholdings.expire(current.requestId(), current.version());
        assertThat(repaymentStatus(other.id())).isEqualTo("FAILED");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aSuccessAfterTheChannelRefusedTheRequestIsAConflictNotAStateChange() throws Exception {
        // a card failing Luhn: the sandbox channel refuses the withholding outright (400 INVALID_CARD)
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00", "6222020000000001");
        String loanId = application.paidOut(disbursements, http, port);
        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-r-" + loanId.substring(0, 8),
                new BigDecimal("100.00"));
        Withholding refused = withholdings.send(pending.id());
        assertThat(refused.status()).isEqualTo(Withholding.Status.FAILED);
        Map<String, Object> before = state(loanId);

        var contradiction = DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(refused.requestId(), "SUCCEEDED", null));

        assertThat(contradiction.statusCode()).isEqualTo(200);
        assertThat(contradiction.body()).contains("CONFLICT");
        assertThat(jdbc.queryForMap("SELECT status, failure_code FROM payment_callback WHERE request_id = ?",
                refused.requestId())).as("the refusal, on record as the final answer")
                .containsEntry("status", "FAILED").containsEntry("failure_code", "REFUSED");
        assertThat(jdbc.queryForObject("SELECT status FROM payment_callback_conflict WHERE request_id = ?",
                String.class, refused.requestId())).isEqualTo("SUCCEEDED");
        assertThat(repaymentStatus(pending.id())).isEqualTo("FAILED");
        assertThat(state(loanId)).isEqualTo(before);
    }

    @Test
    void aConfirmedDebitTheLoanNoLongerOwesIsRecordedAsARefundNotAppliedOrRefused() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "600.00");
        String loanId = application.paidOut(disbursements, http, port);
        Repayment pending = withholdings.request(application.borrowerId, loanId, "wh-u-" + loanId.substring(0, 8),
                new BigDecimal("100.00"));
        String requestId = jdbc.queryForObject("SELECT request_id FROM withholding WHERE repayment_id = ?",
                String.class, pending.id());
        // the loan stopped owing while the debit was in flight (not reachable through the API, which keeps what a
        // withholding may collect out of every other repayment; forced here): the channel's confirmation must still
        // be recorded as money received, not applied, and not bounced back for the channel to repeat forever
        jdbc.update("UPDATE loan SET status = 'SETTLED' WHERE id = ?", loanId);
        try {
            var confirmed = DisbursingApplication.deliver(http, port,
                    DisbursingApplication.callback(requestId, "SUCCEEDED", null));

            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(repaymentStatus(pending.id())).isEqualTo("REFUND_DUE");
            assertThat(ledger.lines("REPAYMENT:" + pending.id())).containsExactlyInAnyOrder(
                    JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("100.00")),
                    JournalLine.credit(LedgerAccount.BORROWER_REFUND_PAYABLE, new BigDecimal("100.00")));
            assertThat(jdbc.queryForObject("SELECT outstanding_principal FROM loan WHERE id = ?", BigDecimal.class,
                    loanId)).as("applied to nothing").isEqualByComparingTo("600.00");
            assertThat(jdbc.queryForObject("SELECT open_loan_id FROM withholding WHERE request_id = ?", String.class,
                    requestId)).isNull();
            JsonNode attention = json.readTree(opsGet("/ops/v1/repayments/attention?limit=500", "ops1").body());
            assertThat(attention).filteredOn(a -> a.path("repaymentId").asText().equals(pending.id()))
                    .singleElement().satisfies(a -> assertThat(a.path("reason").asText()).isEqualTo("REFUND_DUE"));
        } finally {
            jdbc.update("UPDATE loan SET status = 'ACTIVE' WHERE id = ?", loanId);
        }
    }

    private Map<String, Object> state(String loanId) {
        return jdbc.queryForMap("SELECT l.outstanding_principal, l.outstanding_interest, l.status, l.version,"
                + " (SELECT COUNT(*) FROM repayment r WHERE r.loan_id = l.id) AS repayments,"
                + " (SELECT COUNT(*) FROM withholding w WHERE w.loan_id = l.id) AS withholdings,"
                + " (SELECT COUNT(*) FROM journal_entry e WHERE e.application_id = l.application_id) AS entries"
                + " FROM loan l WHERE l.id = ?", loanId);
    }

    private BigDecimal settlementQuote(String loanId, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/loans/"
                + loanId + "/settlement-quote")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new BigDecimal(json.readTree(response.body()).path("total").asText());
    }

    private HttpResponse<String> borrowerRepay(String token, String loanId, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/loans/" + loanId
                        + "/repayments")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Basic credentials of a demo ops user (password = user name); none for null. */
    private static void withOps(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private HttpResponse<String> opsGet(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        withOps(request, user);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value date member of a bank transfer's body: today, the day its statement line shows the money arrived. */
    private static String valueDatedToday() {
        return ",\"valueDate\":\"" + java.time.LocalDate.now() + "\"";
    }

    /** POST to a loan's bank transfers, or to an /ops path given whole. */
    private HttpResponse<String> opsPost(String loanIdOrPath, String body, String user) throws Exception {
        String path = loanIdOrPath.startsWith("/ops/") ? loanIdOrPath
                : "/ops/v1/loans/" + loanIdOrPath + "/bank-transfers";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        withOps(request, user);
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String repaymentStatus(String repaymentId) {
        return jdbc.queryForObject("SELECT status FROM repayment WHERE id = ?", String.class, repaymentId);
    }
}
