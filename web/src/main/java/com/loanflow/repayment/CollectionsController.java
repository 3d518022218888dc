package com.loanflow.repayment;

import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the people who take over where the SMS notices stop (ADR 0022): installments of active loans overdue by at least
 * {@code minDaysOverdue} days (default 14, past the last notice), oldest first, with what is owed and the last
 * reminder sent. Masked phone only; ops group only (OpsApiSecurity). Also the reminders that did not go out.
 */
@RestController
class CollectionsController {

    record OverdueInstallment(String loanId, String applicationId, int seq, LocalDate dueDate, long daysOverdue,
                              String amountOwed, String penaltyOwed, String borrowerPhone, String lastReminder) {
    }

    record Reminder(String id, String loanId, int seq, LocalDate dueDate, String kind, String amountDue, String status,
                    java.time.LocalDateTime createdAt) {
    }

    private final CollectionsMapper mapper;
    private final Clock clock;

    CollectionsController(CollectionsMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping("/ops/v1/collections")
    List<OverdueInstallment> overdue(@RequestParam(defaultValue = "14") int minDaysOverdue,
                                     @RequestParam(defaultValue = "100") int limit) {
        if (minDaysOverdue < 1 || minDaysOverdue > 3650) {
            throw ApiException.invalidField("minDaysOverdue", "must be between 1 and 3650");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        LocalDate today = LocalDate.now(clock);
        return mapper.findOverdue(today.minusDays(minDaysOverdue), limit).stream()
                .map(r -> new OverdueInstallment(r.loanId(), r.applicationId(), r.seq(), r.dueDate(),
                        ChronoUnit.DAYS.between(r.dueDate(), today), Money.format(r.amountOwed()),
                        Money.format(r.penaltyOwed()), r.phoneMasked(), r.lastReminder()))
                .toList();
    }

    /** Reminders claimed but never marked (an interrupted run) or that failed to send: status CLAIMED or FAILED. */
    @GetMapping("/ops/v1/repayment-reminders")
    List<Reminder> reminders(@RequestParam String status, @RequestParam(defaultValue = "100") int limit) {
        if (!status.equals("CLAIMED") && !status.equals("FAILED")) {
            throw ApiException.invalidField("status", "must be CLAIMED or FAILED");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        return mapper.findReminders(status, limit).stream()
                .map(r -> new Reminder(r.id(), r.loanId(), r.installmentSeq(), r.dueDate(), r.kind(),
                        Money.format(r.amountDue()), r.status(), r.createdAt()))
                .toList();
    }
}
