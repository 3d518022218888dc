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

    LoanAccrualController(LoanAccrual accrual) {
        this.accrual = accrual;
    }

    @PostMapping("/ops/v1/ledger/accruals/{date}")
    LoanAccrual.Result accrue(@PathVariable String date) {
        try {
            return accrual.accrue(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("date", "must be an ISO date, e.g. 2026-11-24");
        }
    }
}
