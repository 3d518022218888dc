package com.loanflow.reconciliation;

import com.loanflow.shared.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops only (see OpsApiSecurity): reconcile one statement date now; the same date again returns the first run. */
@RestController
class ReconciliationController {

    private final Reconciliations reconciliations;
    private final java.time.Clock clock;

    private final com.loanflow.audit.AuditLog audit;

    ReconciliationController(Reconciliations reconciliations, java.time.Clock clock, com.loanflow.audit.AuditLog audit) {
        this.audit = audit;
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    @PostMapping("/ops/v1/reconciliation/{date}")
    Reconciliations.Report reconcile(@PathVariable String date, jakarta.servlet.http.HttpServletRequest http) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("date", "must be an ISO date, e.g. 2026-11-24");
        }
        if (day.isBefore(LocalDate.now(clock).minusDays(com.loanflow.platform.OpsApiSecurity.MAX_LOOKBACK_DAYS))) {
            // older days are settled history (and past the channel's statement retention), not a run to make now
            throw ApiException.invalidField("date", "must be within the last "
                    + com.loanflow.platform.OpsApiSecurity.MAX_LOOKBACK_DAYS + " days");
        }
        if (!day.isBefore(LocalDate.now(clock))) {
            // a day's statement is complete only once the day is over; a run is kept once per date
            throw ApiException.invalidField("date", "must be a day that has ended (before " + LocalDate.now(clock) + ")");
        }
        try {
            Reconciliations.Report report = reconciliations.reconcile(day);
            audit.record(com.loanflow.platform.OpsApiSecurity.operator(http), "RECONCILIATION_RUN", "STATEMENT_DAY",
                    day.toString(), java.util.Map.of("date", day.toString()));
            return report;
        } catch (StatementSource.StatementUnavailableException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "STATEMENT_UNAVAILABLE", e.getMessage());
        }
    }
}
