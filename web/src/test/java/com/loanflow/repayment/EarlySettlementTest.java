package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.loan.LoanAccrual;
import com.loanflow.loan.LoanProduct;
import com.loanflow.payment.Concurrently;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Early settlement (contract 1.1 第六条): the quote charges the remaining principal, the interest of the days elapsed
 * and the overdue interest accrued; paying exactly that settles the loan, posts only earned interest and keeps the
 * ledger invariants; more is refused with nothing changed; concurrent settlements settle once. Time moves by
 * back-dating the payout and the schedule by whole days against the platform Clock, and the accrual job runs for each
 * day passed, as it would have.
 */
@PlatformTest
class EarlySettlementTest {

    static final BigDecimal FIRST_INTEREST = new BigDecimal("15.00"); // 1,000.00 × 18% / 12
    static final BigDecimal SECOND_INTEREST = new BigDecimal("12.59"); // 839.47 × 1.5%

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.loanflow.payment.PaidOutLoans paidOutLoans;

    @Autowired
    Repayments repayments;

    @Autowired
    LoanAccrual accrual;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    Clock clock;

    @Autowired
    com.loanflow.borrower.SessionTokens sessions;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onTheDayOfThePayoutTheQuoteIsThePrincipalMoreIsRefusedAndPayingItSettlesWithoutInterest() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        String token = sessions.issue(application.borrowerId);

        JsonNode quote = get(token, "/api/v1/loans/" + loanId + "/settlement-quote");
        assertThat(quote.path("asOf").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(quote.path("remainingPrincipal").asText()).isEqualTo("1000.00");
        assertThat(quote.path("accruedInterest").asText()).isEqualTo("0.00");
        assertThat(quote.path("overduePenalty").asText()).isEqualTo("0.00");
        assertThat(quote.path("total").asText()).isEqualTo("1000.00");
        JsonNode view = get(token, "/api/v1/loans/" + loanId);
        assertThat(view.path("settlementAmount").asText()).isEqualTo("1000.00");
        assertThat(view.path("outstanding").asText()).as("what settles the loan today").isEqualTo("1000.00");
        assertThat(view.path("outstandingInterest").asText()).as("the schedule to term").isEqualTo("53.15");

        assertThat(send(sessions.issue(Ids.newId()), "GET", "/api/v1/loans/" + loanId + "/settlement-quote", null,
                null).statusCode()).as("someone else's loan").isEqualTo(404);

        Map<String, Object> before = state(loanId, application.applicationId);
        var over = send(token, "POST", "/api/v1/loans/" + loanId + "/repayments", "{\"amount\":\"1000.01\"}",
                "over-" + loanId.substring(0, 8));
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(json.readTree(over.body()).path("fieldErrors").findValuesAsText("field")).containsExactly("amount");
        // a misspelt field is refused, not ignored into a card debit of the loan's card
        var misspelt = send(token, "POST", "/api/v1/loans/" + loanId + "/repayments",
                "{\"amount\":\"100.00\",\"methd\":\"BANK_TRANSFER\"}", "typo-" + loanId.substring(0, 8));
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json.readTree(misspelt.body()).path("fieldErrors").findValuesAsText("field"))
                .containsExactly("methd");
        assertThat(state(loanId, application.applicationId)).as("nothing changed").isEqualTo(before);

        var settle = send(token, "POST", "/api/v1/loans/" + loanId + "/repayments", "{\"amount\":\"1000.00\"}",
                "settle-" + loanId.substring(0, 8));
        assertThat(settle.statusCode()).isEqualTo(202);
        String repaymentId = json.readTree(settle.body()).path("repaymentId").asText();
        assertThat(json.readTree(settle.body()).path("method").asText()).isEqualTo("CARD_WITHHOLDING");
        // applied when the channel confirms the debit, which the borrower follows on the repayment's own resource
        DisbursingApplication.await("the withholding's confirmation",
                () -> "APPLIED".equals(repaymentStatus(token, loanId, repaymentId)));

        assertThat(ledger.lines("REPAYMENT:" + repaymentId)).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("1000.00")),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1000.00")));
        assertSettled(loanId, application);
        assertThat(balance(application.applicationId, "INTEREST_INCOME")).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("SELECT SUM(interest_due) FROM installment WHERE loan_id = ?", BigDecimal.class,
                loanId)).as("interest of days not elapsed waived").isEqualByComparingTo("0.00");
        assertThat(get(token, "/api/v1/loans/" + loanId + "/settlement-quote").path("total").asText()).isEqualTo("0.00");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void midPeriodTheQuoteChargesTheDaysElapsedAndSettlingPostsOnlyThatInterest() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        LocalDate start = backdate(loanId, 10);
        LocalDate today = LocalDate.now(clock);
        long period = ChronoUnit.DAYS.between(start, start.plusMonths(1));
        accrueUntilYesterday(loanId, start);

        BigDecimal earned = share(FIRST_INTEREST, 10, period);
        BigDecimal accrued = share(FIRST_INTEREST, 9, period); // the job has run for the 9 days before today
        JsonNode quote = get(sessions.issue(application.borrowerId), "/api/v1/loans/" + loanId + "/settlement-quote");
        assertThat(quote.path("asOf").asText()).isEqualTo(today.toString());
        assertThat(new BigDecimal(quote.path("accruedInterest").asText())).isEqualByComparingTo(earned);
        assertThat(new BigDecimal(quote.path("total").asText()))
                .isEqualByComparingTo(new BigDecimal("1000.00").add(earned));

        BigDecimal total = new BigDecimal(quote.path("total").asText());
        Repayment repayment = BankTransfers.received(repayments, loanId, "settle-" + loanId.substring(0, 8), total);

        assertThat(ledger.lines("REPAYMENT:" + repayment.id())).containsExactlyInAnyOrderElementsOf(lines(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, total),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1000.00")),
                JournalLine.credit(LedgerAccount.INTEREST_RECEIVABLE, accrued),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, earned.subtract(accrued))));
        assertThat(repayment.interestPart()).isEqualByComparingTo(earned);
        assertSettled(loanId, application);
        assertThat(balance(application.applicationId, "INTEREST_INCOME")).as("only the 10 days earned")
                .isEqualByComparingTo(earned.negate());
        assertThat(accrual.accrueLoan(loanId, today).orElseThrow().interest()).as("nothing accrues after settlement")
                .isEqualByComparingTo("0.00");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void afterAMissedDueDateThePastDueInterestAndTheOverdueInterestAreOwedAndSettled() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        LocalDate originalStart = LocalDate.now(clock);
        long firstPeriod = ChronoUnit.DAYS.between(originalStart, originalStart.plusMonths(1));
        long secondPeriod = ChronoUnit.DAYS.between(originalStart.plusMonths(1), originalStart.plusMonths(2));
        LocalDate start = backdate(loanId, (int) firstPeriod + 3); // today is 3 days after the first due date
        accrueUntilYesterday(loanId, start);

        // overdue interest for the 2 days after the due date the job has run: 160.53 × 0.0493% = 0.08 a day
        BigDecimal penalty = LoanProduct.dailyPenalty(new BigDecimal("160.53"), new BigDecimal("18.00"))
                .multiply(BigDecimal.valueOf(2));
        BigDecimal interest = FIRST_INTEREST.add(share(SECOND_INTEREST, 3, secondPeriod));
        JsonNode quote = get(sessions.issue(application.borrowerId), "/api/v1/loans/" + loanId + "/settlement-quote");
        assertThat(quote.path("remainingPrincipal").asText()).isEqualTo("1000.00");
        assertThat(new BigDecimal(quote.path("accruedInterest").asText())).isEqualByComparingTo(interest);
        assertThat(quote.path("overduePenalty").asText()).isEqualTo("0.16").isEqualTo(penalty.toPlainString());
        BigDecimal total = new BigDecimal(quote.path("total").asText());
        assertThat(total).isEqualByComparingTo(new BigDecimal("1000.00").add(interest).add(penalty));
        assertThat(invariants.check().violations()).isEmpty();

        Repayment repayment = BankTransfers.received(repayments, loanId, "settle-" + loanId.substring(0, 8), total);

        BigDecimal accrued = FIRST_INTEREST.add(share(SECOND_INTEREST, 2, secondPeriod));
        assertThat(ledger.lines("REPAYMENT:" + repayment.id())).containsExactlyInAnyOrderElementsOf(lines(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, total),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1000.00")),
                JournalLine.credit(LedgerAccount.INTEREST_RECEIVABLE, accrued),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, interest.subtract(accrued)),
                JournalLine.credit(LedgerAccount.PENALTY_RECEIVABLE, penalty)));
        assertSettled(loanId, application);
        assertThat(balance(application.applicationId, "PENALTY_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(balance(application.applicationId, "INTEREST_INCOME")).isEqualByComparingTo(interest.negate());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void concurrentSettlementsWithOneKeyOrManyKeysSettleOnce() throws Exception {
        for (boolean sameKey : new boolean[] {true, false}) {
            var paidOut = paidOutLoans.paidOut("1000.00");
            var application = paidOut.application();
            String loanId = paidOut.loanId();
            backdate(loanId, 5); // not accrued: the 5 days' interest is recognised on receipt
            BigDecimal total = new BigDecimal(get(sessions.issue(application.borrowerId),
                    "/api/v1/loans/" + loanId + "/settlement-quote").path("total").asText());
            String key = "settle-same-" + loanId.substring(0, 8);

            var outcomes = Concurrently.run(8, () -> BankTransfers.received(repayments, loanId,
                    sameKey ? key : "settle-" + Ids.newId().substring(0, 12), total));

            assertThat(outcomes).filteredOn(o -> o.error() != null).extracting(Concurrently.Outcome::error)
                    .as("losers are told to retry").allMatch(e -> e instanceof ConcurrencyFailureException);
            List<String> winners = outcomes.stream().filter(o -> o.error() == null)
                    .filter(o -> Repayment.APPLIED.equals(o.value().status())).map(o -> o.value().id())
                    .distinct().toList();
            assertThat(winners).as("sameKey=" + sameKey).hasSize(1);
            // one statement line (one reference) is one receipt; eight lines are eight: one settles the loan, the
            // money of each other is on record and owed back whole (it was refused and left outside the ledger)
            List<String> owedBack = outcomes.stream().filter(o -> o.error() == null)
                    .filter(o -> Repayment.REFUND_DUE.equals(o.value().status())).map(o -> o.value().id())
                    .distinct().toList();
            assertThat(owedBack).as("sameKey=" + sameKey).hasSize(sameKey ? 0 : jdbc.queryForObject(
                    "SELECT COUNT(*) FROM repayment WHERE loan_id = ?", Integer.class, loanId) - 1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE loan_id = ? AND status NOT IN"
                    + " ('APPLIED', 'REFUND_DUE')", Integer.class, loanId)).as("none left pending").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE application_id = ?"
                    + " AND business_key LIKE 'REPAYMENT:%'", Integer.class, application.applicationId))
                    .isEqualTo(1 + owedBack.size());
            if (sameKey) {
                assertThat(BankTransfers.received(repayments, loanId, key, total).id())
                        .as("a retry with the key returns the settlement").isEqualTo(winners.get(0));
            }
            assertSettled(loanId, application);
            assertThat(balance(application.applicationId, "LENDER_DEPOSITORY_CASH").add(new BigDecimal("1000.00")))
                    .as("cash received once per statement line").isEqualByComparingTo(total.multiply(
                            BigDecimal.valueOf(1 + owedBack.size())));
            assertThat(balance(application.applicationId, "BORROWER_REFUND_PAYABLE").negate())
                    .as("all but the settling one owed back").isEqualByComparingTo(total.multiply(
                            BigDecimal.valueOf(owedBack.size())));
        }
        assertThat(invariants.check().violations()).isEmpty();
    }

    /**
     * One recorded transfer approved many times at once (a double click, two operators): each approval waits for the
     * one before it, finds the transfer applied and returns it; it is applied once. (Without the loan's row lock an
     * approval read the loan before the first applied it and the installments after, and failed half-way.)
     */
    @Test
    void theSameTransferApprovedManyTimesAtOnceIsAppliedOnceAndEachApprovalReturnsIt() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        var application = paidOut.application();
        String loanId = paidOut.loanId();
        backdate(loanId, 5);
        BigDecimal total = new BigDecimal(get(sessions.issue(application.borrowerId),
                "/api/v1/loans/" + loanId + "/settlement-quote").path("total").asText());
        Repayment recorded = repayments.recordBankTransfer(loanId, "approve-twice-" + loanId.substring(0, 8), total,
                LocalDate.now(clock), "ops1");

        var outcomes = Concurrently.run(8, () -> repayments.approveBankTransfer(recorded.id(), "ops2"));

        assertThat(outcomes).extracting(Concurrently.Outcome::error).containsOnlyNulls();
        assertThat(outcomes).extracting(o -> o.value().status()).containsOnly(Repayment.APPLIED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE business_key = ?", Integer.class,
                "REPAYMENT:" + recorded.id())).isOne();
        assertSettled(loanId, application);
        assertThat(invariants.check().violations()).isEmpty();
    }

    private void assertSettled(String loanId, DisbursingApplication application) throws InterruptedException {
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, loanId)).isEqualTo("SETTLED");
        assertThat(jdbc.queryForList("SELECT status FROM installment WHERE loan_id = ?", String.class, loanId))
                .hasSize(6).containsOnly("SETTLED");
        assertThat(jdbc.queryForObject("SELECT outstanding_principal + outstanding_interest + outstanding_penalty"
                + " FROM loan WHERE id = ?", BigDecimal.class, loanId)).isEqualByComparingTo("0.00");
        assertThat(balance(application.applicationId, "INTEREST_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(balance(application.applicationId, "LOAN_PRINCIPAL_RECEIVABLE")).isEqualByComparingTo("0.00");
        DisbursingApplication.await("the application settled", () -> "SETTLED".equals(application.applicationStatus()));
    }

    private LocalDate backdate(String loanId, int days) {
        return Backdating.backdate(jdbc, loanId, days);
    }

    private void accrueUntilYesterday(String loanId, LocalDate start) {
        Backdating.accrueUntilYesterday(accrual, clock, loanId, start);
    }

    private static BigDecimal share(BigDecimal interest, long days, long periodDays) {
        return interest.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(periodDays), 2,
                RoundingMode.HALF_EVEN);
    }

    /** Zero amounts are left out of an entry. */
    private static List<JournalLine> lines(JournalLine... lines) {
        List<JournalLine> kept = new ArrayList<>();
        for (JournalLine line : lines) {
            if (line.amount().signum() > 0) {
                kept.add(line);
            }
        }
        return kept;
    }

    private Map<String, Object> state(String loanId, String applicationId) {
        return Map.of(
                "loan", jdbc.queryForMap("SELECT version, status, outstanding_principal FROM loan WHERE id = ?", loanId),
                "installments", jdbc.queryForList("SELECT version, status FROM installment WHERE loan_id = ?"
                        + " ORDER BY seq", loanId),
                "repayments", jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE loan_id = ?", Integer.class,
                        loanId),
                "entries", jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE application_id = ?",
                        Integer.class, applicationId));
    }

    private String repaymentStatus(String token, String loanId, String repaymentId) {
        try {
            return get(token, "/api/v1/loans/" + loanId + "/repayments/" + repaymentId).path("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String token, String path) throws Exception {
        var response = send(token, "GET", path, null, null);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String token, String method, String path, String body, String key)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private BigDecimal balance(String applicationId, String account) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.application_id = ? AND l.account = ?", BigDecimal.class, applicationId, account);
    }
}
