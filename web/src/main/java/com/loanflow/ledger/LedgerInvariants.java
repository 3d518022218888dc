package com.loanflow.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What must always be true: every entry balances, and per loan the ledger agrees with the loan tables —
 * <ul>
 *   <li>principal receivable = outstanding principal (the disbursed principal while the loan is being activated),
 *   and the schedule agrees with the loan row;</li>
 *   <li>interest income = interest recognised on the installments (accrued or received early), interest receivable
 *   = recognised − paid, and the loan's outstanding interest = what the schedule still asks;</li>
 *   <li>overdue interest: income = accrued, receivable = accrued − paid = the loan's outstanding penalty;</li>
 *   <li>fee income = the fee kept from the payout.</li>
 * </ul>
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
        boolean loan = b.loanId() != null;
        BigDecimal expected = loan ? b.outstandingPrincipal() : orZero(b.disbursedAmount());
        compare(violations, who, "principal receivable", b.ledgerPrincipal(), "outstanding", expected);
        compare(violations, who, "fee income", b.ledgerFee(), "fee kept from the payout", b.feeKept());
        if (!loan) {
            compare(violations, who, "interest income", b.ledgerInterest(), "interest paid", null);
            return violations;
        }
        // money received that was not owed stays a payable exactly until it is refunded (ADR 0017, 0023)
        compare(violations, who, "refund payable", b.ledgerRefundPayable(), "repayments REFUND_DUE", b.refundDue());
        compare(violations, who, "schedule principal", b.schedulePrincipal(), "loan outstanding",
                b.outstandingPrincipal());
        compare(violations, who, "schedule interest", b.scheduleInterest(), "loan outstanding interest",
                b.outstandingInterest());
        compare(violations, who, "interest income", b.ledgerInterest(), "interest recognised", b.interestRecognised());
        compare(violations, who, "interest receivable", b.ledgerInterestReceivable(), "interest recognised - paid",
                orZero(b.interestRecognised()).subtract(orZero(b.interestPaid())));
        compare(violations, who, "penalty income", b.ledgerPenaltyIncome(), "penalty accrued", b.penaltyDue());
        compare(violations, who, "penalty receivable", b.ledgerPenaltyReceivable(), "penalty accrued - paid",
                orZero(b.penaltyDue()).subtract(orZero(b.penaltyPaid())));
        compare(violations, who, "loan outstanding penalty", b.outstandingPenalty(), "penalty accrued - paid",
                orZero(b.penaltyDue()).subtract(orZero(b.penaltyPaid())));
        return violations;
    }

    private static void compare(List<String> violations, String who, String left, BigDecimal leftAmount, String right,
                                BigDecimal rightAmount) {
        if (orZero(leftAmount).compareTo(orZero(rightAmount)) != 0) {
            violations.add(who + ": " + left + " " + orZero(leftAmount) + " != " + right + " " + orZero(rightAmount));
        }
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount;
    }
}
