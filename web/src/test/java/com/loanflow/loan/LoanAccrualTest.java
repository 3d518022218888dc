package com.loanflow.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.payment.Disbursements;
import com.loanflow.repayment.BankTransfers;
import com.loanflow.repayment.Repayment;
import com.loanflow.repayment.Repayments;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Daily interest accrual, overdue interest and the service fee on the ledger: once per loan and day, exact to the
 * fen, and the invariant check agrees with the loan tables after every step, through to settlement.
 */
@PlatformTest
class LoanAccrualTest {

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
    LoanAccrual accrual;

    @Autowired
    LoanMapper loanMapper;

    @Autowired
    Repayments repayments;

    @Autowired
    Loans loans;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    com.loanflow.borrower.SessionTokens sessions;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void interestAccruesOncePerDayOverdueInterestAccruesOnOverduePrincipalAndSettlementClearsBoth() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");
        String loanId = application.paidOut(disbursements, http, port);
        LocalDate start = jdbc.queryForObject("SELECT disbursed_at FROM loan WHERE id = ?", LocalDateTime.class, loanId)
                .toLocalDate();
        LocalDate firstDue = start.plusMonths(1);
        long firstPeriod = ChronoUnit.DAYS.between(start, firstDue);
        assertThat(jdbc.queryForObject("SELECT irr_apr_percent FROM loan WHERE id = ?", BigDecimal.class, loanId))
                .isEqualByComparingTo("18.00");

        LocalDate day10 = start.plusDays(10);
        var first = accrual.accrueLoan(loanId, day10);
        var again = accrual.accrueLoan(loanId, day10);

        BigDecimal tenDays = new BigDecimal("15.00").multiply(BigDecimal.TEN)
                .divide(BigDecimal.valueOf(firstPeriod), 2, RoundingMode.HALF_EVEN);
        assertThat(first).hasValueSatisfying(a -> {
            assertThat(a.interest()).isEqualByComparingTo(tenDays);
            assertThat(a.penalty()).isEqualByComparingTo("0.00");
        });
        assertThat(again).as("the same day accrues once").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_accrual WHERE loan_id = ?", Integer.class, loanId))
                .isEqualTo(1);
        assertThat(ledger.lines("ACCRUAL:" + loanId + ":" + day10)).containsExactly(
                JournalLine.debit(LedgerAccount.INTEREST_RECEIVABLE, tenDays),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, tenDays));
        assertThat(invariants.check().violations()).isEmpty();

        // three days after the first due date, nothing paid: installment 1's interest is fully earned, installment
        // 2 earns its first 3 days, and the overdue principal 160.53 earns one day at 0.0493% = 0.08
        LocalDate overdue = firstDue.plusDays(3);
        long secondPeriod = ChronoUnit.DAYS.between(firstDue, start.plusMonths(2));
        BigDecimal secondShare = new BigDecimal("12.59").multiply(BigDecimal.valueOf(3))
                .divide(BigDecimal.valueOf(secondPeriod), 2, RoundingMode.HALF_EVEN);
        var late = accrual.accrueLoan(loanId, overdue).orElseThrow();

        assertThat(late.interest()).isEqualByComparingTo(new BigDecimal("15.00").subtract(tenDays).add(secondShare));
        assertThat(late.penalty()).isEqualByComparingTo("0.08");
        assertThat(jdbc.queryForObject("SELECT outstanding_penalty FROM loan WHERE id = ?", BigDecimal.class, loanId))
                .isEqualByComparingTo("0.08");
        assertThat(jdbc.queryForObject("SELECT penalty_due FROM installment WHERE loan_id = ? AND seq = 1",
                BigDecimal.class, loanId)).isEqualByComparingTo("0.08");
        assertThat(daysPastDue(loanId)).as("installment 1 three days late, the others not yet due")
                .containsExactly(3, 0, 0, 0, 0, 0);
        String firstInstallment = jdbc.queryForObject("SELECT id FROM installment WHERE loan_id = ? AND seq = 1",
                String.class, loanId);
        assertThat(loanMapper.recordDaysPastDue(firstInstallment, 2)).as("fewer days change nothing").isZero();
        assertThat(daysPastDue(loanId)).as("the most days past due never falls").startsWith(3, 0);
        assertThat(invariants.check().violations()).isEmpty();

        BigDecimal scheduled = jdbc.queryForObject("SELECT outstanding_principal + outstanding_interest"
                + " + outstanding_penalty FROM loan WHERE id = ?", BigDecimal.class, loanId);
        assertThat(scheduled).isEqualByComparingTo("1053.23"); // 1,053.15 scheduled + 0.08 overdue interest
        // settled early: the interest already accrued (the days elapsed, here accrued ahead by the test) and the
        // overdue interest, never the 53.15 scheduled to term
        BigDecimal accrued = new BigDecimal("15.00").add(secondShare);
        BigDecimal owed = loans.settlementQuote(loans.getOwned(application.borrowerId, loanId)).total();
        assertThat(owed).isEqualByComparingTo(new BigDecimal("1000.08").add(accrued));
        Repayment repayment = BankTransfers.received(repayments, loanId, "settle-" + loanId.substring(0, 8), owed);

        assertThat(ledger.lines("REPAYMENT:" + repayment.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, owed),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1000.00")),
                JournalLine.credit(LedgerAccount.INTEREST_RECEIVABLE, accrued),
                JournalLine.credit(LedgerAccount.PENALTY_RECEIVABLE, new BigDecimal("0.08")));
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, loanId)).isEqualTo("SETTLED");
        assertThat(balance(application.applicationId, "INTEREST_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(balance(application.applicationId, "PENALTY_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(balance(application.applicationId, "INTEREST_INCOME")).isEqualByComparingTo(accrued.negate());
        assertThat(accrual.accrueLoan(loanId, overdue.plusDays(1)).orElseThrow().interest())
                .as("a settled loan earns nothing more").isEqualByComparingTo("0.00");
        assertThat(daysPastDue(loanId)).as("paid, and still on record as three days late").startsWith(3);
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void operationsAccrueOnlyDaysThatHaveEnded() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM loan_accrual", Integer.class);
        for (LocalDate notOver : new LocalDate[] {LocalDate.now(), LocalDate.now().plusDays(400),
                LocalDate.now().minusDays(401)}) {
            var response = accrueAsOps(notOver);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("fieldErrors").findValuesAsText("field"))
                    .containsExactly("date");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_accrual", Integer.class))
                .as("no interest recognised ahead of time").isEqualTo(before);

        // a day long before any test's loan (nothing to accrue, so no other test's books move), still audited
        LocalDate longAgo = LocalDate.now().minusDays(399);
        var run = accrueAsOps(longAgo);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LEDGER_ACCRUAL_RUN'"
                + " AND subject_id = ? AND actor = 'ops1'", Integer.class, longAgo.toString())).as("audited")
                .isPositive();
    }

    private java.net.http.HttpResponse<String> accrueAsOps(LocalDate day) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/ops/v1/ledger/accruals/" + day))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops1:ops1".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theContractFeeIsDeductedFromThePayoutBookedAsFeeIncomeAndRaisesTheDisclosedApr() throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");
        contractWithFee(application.applicationId, "10.00", "21.55");

        var order = disbursements.request(application.applicationId);
        assertThat(order.amount()).isEqualTo("990.00");
        assertThat(DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null)).statusCode()).isEqualTo(200);
        String loanId = application.awaitLoanId();

        assertThat(ledger.lines("DISBURSEMENT:" + order.disbursementId())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("1000.00")),
                JournalLine.credit(LedgerAccount.LENDER_DEPOSITORY_CASH, new BigDecimal("990.00")),
                JournalLine.credit(LedgerAccount.FEE_INCOME, new BigDecimal("10.00")));
        assertThat(jdbc.queryForMap("SELECT principal, service_fee, irr_apr_percent FROM loan WHERE id = ?", loanId))
                .satisfies(loan -> {
                    assertThat((BigDecimal) loan.get("PRINCIPAL")).isEqualByComparingTo("1000.00");
                    assertThat((BigDecimal) loan.get("SERVICE_FEE")).isEqualByComparingTo("10.00");
                    assertThat((BigDecimal) loan.get("IRR_APR_PERCENT")).isEqualByComparingTo("21.55");
                });
        assertThat(invariants.check().violations()).isEmpty();

        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/loans/" + loanId)).header("Authorization", "Bearer "
                        + sessions.issue(application.borrowerId)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var view = json.readTree(response.body());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/loan-view-example.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(view)); // the README's example output
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(view.path("aprPercent").asText()).isEqualTo("18.00");
        assertThat(view.path("irrAprPercent").asText()).isEqualTo("21.55");
        assertThat(view.path("serviceFee").asText()).isEqualTo("10.00");
        assertThat(view.path("penaltyDailyRatePercent").asText()).isEqualTo("0.0493");
        assertThat(view.path("aprConvention").asText()).contains("IRR").contains("x 12");
    }

    /** Each installment's most days past due, in schedule order. */
    private java.util.List<Integer> daysPastDue(String loanId) {
        return jdbc.queryForList("SELECT max_days_past_due FROM installment WHERE loan_id = ? ORDER BY seq",
                Integer.class, loanId);
    }

    /** A rendered contract row fixing a service fee, as Contracts.prepare stores it (the PDF is a stand-in). */

    private void contractWithFee(String applicationId, String fee, String irrApr) {
        String id = Ids.newId();
        String pdf = Base64.getEncoder().encodeToString(cipher.encryptBytes("%PDF-stand-in".getBytes(),
                FieldCipher.context("loan_contract", "pdf", id)));
        jdbc.update("INSERT INTO loan_contract (id, application_id, contract_number, template_version, pdf_enc,"
                        + " pdf_sha256, status, created_at, version, service_fee, irr_apr_percent)"
                        + " VALUES (?, ?, ?, 'loan-contract-zh-1.1', ?, ?, 'SIGNED', ?, 1, ?, ?)", id, applicationId,
                "LFT" + id.substring(0, 8), pdf, "0".repeat(64), LocalDateTime.now().withNano(0), new BigDecimal(fee),
                new BigDecimal(irrApr));
    }

    private BigDecimal balance(String applicationId, String account) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.application_id = ? AND l.account = ?", BigDecimal.class, applicationId, account);
    }
}
