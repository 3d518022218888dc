package com.loanflow.loan;

import com.loanflow.shared.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops only (see OpsApiSecurity): accrue one day now, e.g. a day the scheduled job missed. Idempotent per loan/day. */
@RestController
class LoanAccrualController {

    private final LoanAccrual accrual;
    private final java.time.Clock clock;

    private final com.loanflow.audit.AuditLog audit;

    LoanAccrualController(LoanAccrual accrual, java.time.Clock clock, com.loanflow.audit.AuditLog audit) {
        this.audit = audit;
        this.accrual = accrual;
        this.clock = clock;
    }

    /**
     * Only a day that has ended: accruing today or a later day would recognise interest not yet earned, charge overdue
     * interest on installments not yet overdue, and take the day's slot so the real run is skipped.
     */
    @PostMapping("/ops/v1/ledger/accruals/{date}")
    LoanAccrual.Result accrue(@PathVariable String date, jakarta.servlet.http.HttpServletRequest http) {
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
            throw ApiException.invalidField("date", "must be a day that has ended (before " + LocalDate.now(clock) + ")");
        }
        LoanAccrual.Result result = accrual.accrue(day);
        audit.record(com.loanflow.platform.OpsApiSecurity.operator(http), "LEDGER_ACCRUAL_RUN", "LEDGER_DAY",
                day.toString(), java.util.Map.of("date", day.toString()));
        return result;
    }
}
