package com.loanflow.risk;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrowers;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the credit terms of an approved application from its recorded risk decision: the live strategy priced them
 * when it decided (capped by that strategy's APR cap), so a review in between cannot change them. Records from
 * before strategies are priced by the champion.
 */
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
        CreditTerms terms = record.creditLimit() != null && record.aprPercent() != null
                ? new CreditTerms(record.creditLimit(), record.aprPercent())
                : engine.price(rebuilt(record), application.requestedAmount(), application.termMonths());
        BigDecimal approvedAmount = application.requestedAmount().min(terms.creditLimit());
        var approved = Money.of(approvedAmount);

        applications.recordTerms(application.id(), terms.creditLimit(), terms.aprPercent(), approved);
        borrowers.recordCreditLimit(application.borrowerId(), terms.creditLimit());
        applications.moveTo(application.id(), ApplicationStatus.APPROVED, null);

        execution.setVariable("creditLimit", Money.format(terms.creditLimit()));
        execution.setVariable("aprPercent", terms.aprPercent().toPlainString());
        execution.setVariable("approvedAmount", Money.format(approved));
    }

    private static RiskDecision rebuilt(DecisionRecord record) {
        return new RiskDecision(RiskOutcome.valueOf(record.outcome()), DecisionRecord.codes(record.reasonCodes()),
                record.defaultProbability(), record.riskTier(), record.reviewGroup(), List.of(),
                record.ruleSetVersion(), record.tableVersion(), record.modelVersion());
    }
}
