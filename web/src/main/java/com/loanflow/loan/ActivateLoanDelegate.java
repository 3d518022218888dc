package com.loanflow.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the payout succeeded: the loan becomes ACTIVE with its repayment schedule. */
@Component("activateLoanDelegate")
class ActivateLoanDelegate implements JavaDelegate {

    private final Loans loans;

    ActivateLoanDelegate(Loans loans) {
        this.loans = loans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Loan loan = loans.activate(execution.getProcessBusinessKey());
        execution.setVariable("loanId", loan.id());
    }
}
