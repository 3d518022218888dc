package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.borrower.Borrowers;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.payment.PaidOutLoans;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminders and overdue notices on a real loan (paid out through the sandbox channel): the right message on the
 * right day to the borrower's own phone, each kind once however often the job runs (the database's unique key), none
 * on a day without one. Paid installments and failed sends: RepaymentRemindersRulesTest.
 */
@PlatformTest
class RepaymentRemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaidOutLoans paidOutLoans;

    @Autowired
    RepaymentReminders reminders;

    @Autowired
    LoanMapper loans;

    @Autowired
    Borrowers borrowers;

    @Autowired
    java.time.Clock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachReminderGoesOnceOnItsDayAndNoneForAPaidInstallment() throws Exception {
        PaidOutLoans.PaidOut paidOut = paidOutLoans.paidOut("1000.00");
        String loanId = paidOut.loanId();
        Loan loan = loans.findById(loanId).orElseThrow();
        LocalDate firstDue = jdbc.queryForObject("SELECT due_date FROM installment WHERE loan_id = ? AND seq = 1",
                LocalDate.class, loanId);
        String firstTotal = jdbc.queryForObject("SELECT principal_due + interest_due FROM installment"
                + " WHERE loan_id = ? AND seq = 1", java.math.BigDecimal.class, loanId).toPlainString();
        String phone = borrowers.phone(borrowers.get(paidOut.application().borrowerId));
        // the payout's own SMS (sent from the status event, asynchronously) comes first, so counts below are exact
        DisbursingApplication.await("the activation SMS", () -> {
            try {
                return outbox(phone).stream().anyMatch(m -> m.contains("首期还款日为" + firstDue));
            } catch (Exception e) {
                return false;
            }
        });
        int before = outbox(phone).size();

        // a day without a reminder: nothing
        assertThat(reminders.remind(loan, firstDue.minusDays(10)).sent()).isZero();

        // three days before: one reminder; the job again (a second node, a re-run): nothing more
        var early = reminders.remind(loan, firstDue.minusDays(3));
        assertThat(early.sent()).isEqualTo(1);
        assertThat(reminders.remind(loan, firstDue.minusDays(3))).extracting(r -> r.sent(), r -> r.alreadySent())
                .containsExactly(0, 1);
        List<String> messages = outbox(phone);
        assertThat(messages).hasSize(before + 1);
        assertThat(messages.get(0)).isEqualTo("【Loanflow】您的借款第1期将于" + firstDue + "到期，应还" + firstTotal
                + "元。可在App内从绑定的银行卡还款。");

        assertThat(reminders.remind(loan, firstDue).sent()).isEqualTo(1);
        assertThat(outbox(phone).get(0)).isEqualTo("【Loanflow】您的借款第1期今天（" + firstDue + "）到期，应还" + firstTotal
                + "元。今天还款不产生逾期利息。");

        // missed: a notice saying from when overdue interest runs and offering to talk (the loan's rows are left as
        // they are: other tests check the ledger against them)
        assertThat(reminders.remind(loan, firstDue.plusDays(1)).sent()).isEqualTo(1);
        assertThat(outbox(phone).get(0)).isEqualTo("【Loanflow】您的借款第1期已逾期1天，应还" + firstTotal + "元。逾期本金自"
                + firstDue.plusDays(1) + "起按日计收逾期利息。如还款有困难，请联系客服协商还款安排。");

        assertThat(jdbc.queryForList("SELECT kind FROM repayment_reminder WHERE loan_id = ? AND status = 'SENT'",
                String.class, loanId)).containsExactlyInAnyOrder("DUE_IN_3_DAYS", "DUE_TODAY", "OVERDUE_1_DAY");
        assertThat(outbox(phone)).hasSize(before + 3);
    }

    /**
     * The daily run reads only loans with an open installment inside some kind's window (three days before the due
     * date to the last day of the 7-day notice's window), not every active loan; a day with a message is always in.
     */
    @Test
    void theDailyRunReadsOnlyLoansWithAnInstallmentInsideAReminderWindow() throws Exception {
        String loanId = paidOutLoans.paidOut("600.00").loanId();
        LocalDate firstDue = jdbc.queryForObject("SELECT due_date FROM installment WHERE loan_id = ? AND seq = 1",
                LocalDate.class, loanId);
        java.util.function.Function<LocalDate, Boolean> read = today -> loans.findActiveWithOpenInstallmentDueBetween(
                today.minusDays(RepaymentReminders.Kind.lastDay()), today.minusDays(RepaymentReminders.Kind.firstDay()))
                .stream().anyMatch(l -> l.id().equals(loanId));
        for (long day = -10; day <= 20; day++) {
            boolean messageDay = RepaymentReminders.Kind.on(day).isPresent();
            assertThat(read.apply(firstDue.plusDays(day))).as("day %d after the first due date", day)
                    .isEqualTo(messageDay || otherInstallmentInWindow(loanId, firstDue.plusDays(day)));
        }
        assertThat(read.apply(firstDue.minusDays(4))).as("the day before the first notice").isFalse();
        assertThat(read.apply(firstDue.minusDays(3))).as("three days before").isTrue();
        assertThat(read.apply(firstDue.plusDays(13))).as("the 7-day notice's last day").isTrue();
    }

    /** Whether another installment than the first has a message on that day (monthly: the second, 30 days on). */
    private boolean otherInstallmentInWindow(String loanId, LocalDate today) {
        return jdbc.queryForList("SELECT due_date FROM installment WHERE loan_id = ? AND seq > 1", LocalDate.class,
                loanId).stream().anyMatch(due -> RepaymentReminders.Kind.on(
                        java.time.temporal.ChronoUnit.DAYS.between(due, today)).isPresent());
    }

    /** Past the last notice, an installment is for a person: the ops collections list shows it, masked. */
    @Test
    void installmentsPastTheLastNoticeAreListedForCollections() throws Exception {
        String loanId = paidOutLoans.paidOut("800.00").loanId();
        Loan loan = loans.findById(loanId).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        // the first due date moved 20 days into the past (dates only: the money rows stay as they are)
        jdbc.update("UPDATE installment SET due_date = ? WHERE loan_id = ? AND seq = 1", today.minusDays(20), loanId);
        assertThat(reminders.remind(loan, today).sent()).as("day 20: past the last SMS notice").isZero();

        JsonNode listed = null;
        for (JsonNode row : ops("/ops/v1/collections?minDaysOverdue=14&limit=500", "ops1")) {
            if (loanId.equals(row.path("loanId").asText())) {
                listed = row;
            }
        }
        assertThat(listed).as("the loan is on the collections list").isNotNull();
        assertThat(listed.path("seq").asInt()).isEqualTo(1);
        assertThat(listed.path("daysOverdue").asLong()).isEqualTo(20);
        assertThat(listed.path("amountOwed").asText()).isEqualTo(jdbc.queryForObject("SELECT principal_due + interest_due"
                + " FROM installment WHERE loan_id = ? AND seq = 1", java.math.BigDecimal.class, loanId).toPlainString());
        assertThat(listed.path("borrowerPhone").asText()).matches("1\\d{2}\\*{4}\\d{4}");
        assertThat(ops("/ops/v1/collections?minDaysOverdue=21&limit=500", "ops1").findValuesAsText("loanId"))
                .doesNotContain(loanId);

        HttpResponse<String> badStatus = http.send(opsRequest("/ops/v1/repayment-reminders?status=SENT", "ops1"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"field\":\"status\"");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/v1/collections"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private JsonNode ops(String path, String user) throws Exception {
        HttpResponse<String> response = http.send(opsRequest(path, user), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpRequest opsRequest(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    /** The sandbox SMS outbox for the phone, newest first. */
    private List<String> outbox(String phone) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/sandbox/sms-outbox?phone=" + phone)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> bodies = new ArrayList<>();
        for (JsonNode message : new ObjectMapper().readTree(response.body())) {
            bodies.add(message.path("body").asText());
        }
        return bodies;
    }
}
