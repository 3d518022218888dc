package com.loanflow.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What must always be true: every entry balances, and per loan the ledger agrees with the loan tables — principal
 * receivable equals the outstanding principal (or the disbursed amount while the loan is being activated), the
 * schedule agrees with the loan row, and interest income equals the interest paid on the installments.
 */
@Service
public class LedgerInvariants {

    public record Result(boolean holds, List<String> violations) {
    }

    private final LedgerMapper mapper;

    LedgerInvariants(LedgerMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    public Result check() {
        List<String> violations = new ArrayList<>();
        for (var entry : mapper.findUnbalancedEntries()) {
            violations.add("Entry " + entry.businessKey() + " is unbalanced: debits " + entry.debits()
                    + ", credits " + entry.credits());
        }
        for (var loan : mapper.findLoanBalances()) {
            violations.addAll(check(loan));
        }
        return new Result(violations.isEmpty(), List.copyOf(violations));
    }

    private static List<String> check(LedgerMapper.LoanBalance b) {
        List<String> violations = new ArrayList<>();
        String who = "Application " + b.applicationId();
        BigDecimal expected = b.loanId() != null ? b.outstandingPrincipal() : orZero(b.disbursedAmount());
        if (orZero(b.ledgerPrincipal()).compareTo(expected) != 0) {
            violations.add(who + ": principal receivable " + orZero(b.ledgerPrincipal()) + " != outstanding " + expected);
        }
        if (b.loanId() != null && b.schedulePrincipal().compareTo(b.outstandingPrincipal()) != 0) {
            violations.add(who + ": schedule principal " + b.schedulePrincipal() + " != loan outstanding "
                    + b.outstandingPrincipal());
        }
        if (orZero(b.ledgerInterest()).compareTo(orZero(b.interestPaid())) != 0) {
            violations.add(who + ": interest income " + orZero(b.ledgerInterest()) + " != interest paid "
                    + orZero(b.interestPaid()));
        }
        return violations;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
