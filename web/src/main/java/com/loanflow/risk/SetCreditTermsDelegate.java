package com.loanflow.risk;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrowers;
import com.loanflow.shared.Money;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Prices an approved application from its recorded risk decision: credit limit, APR (capped) and approved amount. */
@Component("setCreditTermsDelegate")
class SetCreditTermsDelegate implements JavaDelegate {

    private final RiskEngine engine;
    private final RiskMapper mapper;
    private final Applications applications;
    private final Borrowers borrowers;

    SetCreditTermsDelegate(RiskEngine engine, RiskMapper mapper, Applications applications, Borrowers borrowers) {
        this.engine = engine;
        this.mapper = mapper;
        this.applications = applications;
        this.borrowers = borrowers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanApplication application = applications.get(execution.getProcessBusinessKey());
        DecisionRecord record = mapper.findDecision(application.id())
                .orElseThrow(() -> new IllegalStateException("No risk decision for " + application.id()));
        List<String> codes = record.reasonCodes().isBlank() ? List.of() : Arrays.asList(record.reasonCodes().split(","));
        RiskDecision decision = new RiskDecision(RiskOutcome.valueOf(record.outcome()), codes,
                record.defaultProbability(), record.riskTier(), record.reviewGroup(), List.of(),
                record.ruleSetVersion(), record.tableVersion(), record.modelVersion());
        CreditTerms terms = engine.price(decision, application.requestedAmount(), application.termMonths());
        var approved = Money.of(application.requestedAmount().min(terms.creditLimit()));

        applications.recordTerms(application.id(), terms.creditLimit(), terms.aprPercent(), approved);
        borrowers.recordCreditLimit(application.borrowerId(), terms.creditLimit());
        applications.moveTo(application.id(), ApplicationStatus.APPROVED, null);

        execution.setVariable("creditLimit", Money.format(terms.creditLimit()));
        execution.setVariable("aprPercent", terms.aprPercent().toPlainString());
        execution.setVariable("approvedAmount", Money.format(approved));
    }
}
