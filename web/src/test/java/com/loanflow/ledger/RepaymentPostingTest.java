package com.loanflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.Concurrently;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.payment.Disbursements;
import com.loanflow.repayment.BankTransfers;
import com.loanflow.repayment.Repayment;
import com.loanflow.repayment.Repayments;
import com.loanflow.shared.FieldCipher;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Disbursed, repaid twice (once under a concurrent retry storm), settled: the ledger agrees at every step. */
@PlatformTest
class RepaymentPostingTest {

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
    Repayments repayments;

    @Autowired
    com.loanflow.loan.Loans loans;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRepaymentSentConcurrentlyWithOneIdempotencyKeyIsPostedOnceAndTheLedgerMatchesTheLoanUntilSettled()
            throws Exception {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1500.00");
        var order = disbursements.request(application.applicationId);
        assertThat(DisbursingApplication.deliver(http, port,
                DisbursingApplication.callback(order.requestId(), "SUCCEEDED", null)).statusCode()).isEqualTo(200);
        String loanId = application.awaitLoanId();
        assertThat(invariants.check().violations()).isEmpty();

        BigDecimal firstInstallment = jdbc.queryForObject(
                "SELECT principal_due + interest_due FROM installment WHERE loan_id = ? AND seq = 1", BigDecimal.class,
                loanId);
        var outcomes = Concurrently.run(10, () -> BankTransfers.received(repayments, loanId,
                "repay-concurrent-" + loanId.substring(0, 8), firstInstallment));

        assertThat(outcomes).filteredOn(o -> o.error() != null).extracting(Concurrently.Outcome::error)
                .as("losers are told to retry").allMatch(e -> e instanceof ConcurrencyFailureException);
        assertThat(outcomes).filteredOn(o -> o.error() == null).isNotEmpty()
                .extracting(o -> o.value().id()).containsOnly(outcomes.stream().filter(o -> o.error() == null)
                        .findFirst().orElseThrow().value().id());
        Repayment repayment = outcomes.stream().filter(o -> o.error() == null).findFirst().orElseThrow().value();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repayment WHERE loan_id = ?", Integer.class, loanId))
                .isEqualTo(1);
        assertThat(ledger.lines("REPAYMENT:" + repayment.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, firstInstallment),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, repayment.principalPart()),
                JournalLine.credit(LedgerAccount.INTEREST_INCOME, repayment.interestPart()));
        assertThat(invariants.check().violations()).isEmpty();

        // the rest, on the day of the payout: the remaining principal only, the interest of days not elapsed is waived
        BigDecimal rest = loans.settlementQuote(loans.getOwned(application.borrowerId, loanId)).total();
        assertThat(rest).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT outstanding_principal FROM loan WHERE id = ?", BigDecimal.class, loanId));
        Repayment settlement = BankTransfers.received(repayments, loanId, "repay-rest-" + loanId.substring(0, 8),
                rest);
        assertThat(ledger.lines("REPAYMENT:" + settlement.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.LENDER_DEPOSITORY_CASH, rest),
                JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, rest));

        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, loanId)).isEqualTo("SETTLED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE application_id = ?", Integer.class,
                application.applicationId)).as("disbursement and two repayments").isEqualTo(3);
        assertThat(receivable(application.applicationId)).isEqualByComparingTo("0.00");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void theInvariantCheckIsAnOpsEndpoint() throws Exception {
        assertThat(getInvariants(null).statusCode()).isEqualTo(401);
        assertThat(getInvariants("reviewer1").statusCode()).isEqualTo(403);

        HttpResponse<String> ops = getInvariants("ops1");

        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"holds\":true").contains("\"violations\":[]");
    }

    private BigDecimal receivable(String applicationId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.application_id = ? AND l.account = 'LOAN_PRINCIPAL_RECEIVABLE'", BigDecimal.class, applicationId);
    }

    private HttpResponse<String> getInvariants(String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/v1/ledger/invariants"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
