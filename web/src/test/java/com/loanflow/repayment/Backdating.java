package com.loanflow.repayment;

import com.loanflow.loan.LoanAccrual;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time moves for a test loan by back-dating its payout and schedule by whole days against the platform Clock; the
 * accrual job then runs for each day passed, as it would have. Dates only: what the loan owes is never written.
 */
final class Backdating {

    private Backdating() {
    }

    /** Moves the payout and every due date back by whole days: the loan was paid out {@code days} before today. */
    static LocalDate backdate(JdbcTemplate jdbc, String loanId, int days) {
        LocalDateTime disbursedAt = jdbc.queryForObject("SELECT disbursed_at FROM loan WHERE id = ?",
                LocalDateTime.class, loanId);
        jdbc.update("UPDATE loan SET disbursed_at = ? WHERE id = ?", disbursedAt.minusDays(days), loanId);
        for (Map<String, Object> row : jdbc.queryForList("SELECT id, due_date FROM installment WHERE loan_id = ?",
                loanId)) {
            LocalDate due = ((java.sql.Date) row.get("DUE_DATE")).toLocalDate();
            jdbc.update("UPDATE installment SET due_date = ? WHERE id = ?", due.minusDays(days), row.get("ID"));
        }
        return disbursedAt.toLocalDate().minusDays(days);
    }

    /** The accrual job's runs for every day from {@code start} to yesterday. */
    static void accrueUntilYesterday(LoanAccrual accrual, Clock clock, String loanId, LocalDate start) {
        for (LocalDate day = start; day.isBefore(LocalDate.now(clock)); day = day.plusDays(1)) {
            accrual.accrueLoan(loanId, day);
        }
    }
}
