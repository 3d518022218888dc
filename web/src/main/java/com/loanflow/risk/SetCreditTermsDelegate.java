package com.loanflow.risk;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.AnnualPercentageRate;
import com.loanflow.loan.LoanProduct;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
    private final LoanProduct product;
    private final Clock clock;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    SetCreditTermsDelegate(RiskEngine engine, RiskMapper mapper, Applications applications, Borrowers borrowers,
                           LoanProduct product, Clock clock, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.engine = engine;
        this.mapper = mapper;
        this.applications = applications;
        this.borrowers = borrowers;
        this.product = product;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanApplication application = applications.get(execution.getProcessBusinessKey());
        DecisionRecord record = mapper.findDecision(application.id())
                .orElseThrow(() -> new IllegalStateException("No risk decision for " + application.id()));
        requireApproval(record);
        CreditTerms terms = record.creditLimit() != null && record.aprPercent() != null
                ? new CreditTerms(record.creditLimit(), record.aprPercent())
                : engine.price(rebuilt(record), application.requestedAmount(), application.termMonths());
        BigDecimal approvedAmount = application.requestedAmount().min(terms.creditLimit());
        var approved = Money.of(approvedAmount);
        // with the service fee the disclosed APR (IRR) must stay within the cap too: priced lower here rather than
        // approved and then refused when the contract is drawn up
        BigDecimal nominal = AnnualPercentageRate.nominalWithinCap(approved, product.serviceFee(), terms.aprPercent(),
                application.termMonths(), LocalDate.now(clock), aprCap(record));
        terms = new CreditTerms(terms.creditLimit(), nominal);

        applications.recordTerms(application.id(), terms.creditLimit(), terms.aprPercent(), approved);
        borrowers.recordCreditLimit(application.borrowerId(), terms.creditLimit());
        applications.moveTo(application.id(), ApplicationStatus.APPROVED, null);

        execution.setVariable("creditLimit", Money.format(terms.creditLimit()));
        execution.setVariable("aprPercent", terms.aprPercent().toPlainString());
        execution.setVariable("approvedAmount", Money.format(approved));
    }

    /**
     * Approval is a fact in the database, not a place in the process: the automatic decision approved, or it sent
     * the application to review and a reviewer's recorded decision approved. An engine user who moves the process
     * here past the review (process-instance modification) gets an incident, not a loan offer.
     */
    private void requireApproval(DecisionRecord record) {
        if ("APPROVE".equals(record.outcome())) {
            return;
        }
        String review = mapper.findReviewOutcome(record.applicationId()).orElse(null);
        if (!"REVIEW".equals(record.outcome()) || !"APPROVE".equals(review)) {
            throw new IllegalStateException("Application " + record.applicationId() + " is not approved (decision "
                    + record.outcome() + ", review " + review + "); credit terms are set only for an approval");
        }
    }

    private static RiskDecision rebuilt(DecisionRecord record) {
        return new RiskDecision(RiskOutcome.valueOf(record.outcome()), DecisionRecord.codes(record.reasonCodes()),
                record.defaultProbability(), record.riskTier(), record.reviewGroup(), List.of(),
                record.ruleSetVersion(), record.tableVersion(), record.modelVersion());
    }

    /** The APR cap of the strategy that decided (the disclosed APR, fee included, stays within it); else the champion's. */
    private BigDecimal aprCap(DecisionRecord record) {
        if (record.strategySpec() == null) {
            return engine.aprCapPercent();
        }
        try {
            return json.readValue(record.strategySpec(), com.loanflow.risk.strategy.StrategySpec.class).aprCapPercent();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The decision's strategy of " + record.applicationId() + " cannot be read", e);
        }
    }
}
