package com.loanflow.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.shared.ChineseIdNumber;
import com.loanflow.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the risk input (bureau report, blacklist, our own application count, age), asks the risk engine,
 * records the decision and hands the route to the process.
 */
@Component("assessRiskDelegate")
class AssessRiskDelegate implements JavaDelegate {

    private final RiskEngine engine;
    private final RiskMapper mapper;
    private final Applications applications;
    private final Borrowers borrowers;
    private final Blacklist blacklist;
    private final ObjectMapper json;
    private final Clock clock;

    AssessRiskDelegate(RiskEngine engine, RiskMapper mapper, Applications applications, Borrowers borrowers,
                       Blacklist blacklist, ObjectMapper json, Clock clock) {
        this.engine = engine;
        this.mapper = mapper;
        this.applications = applications;
        this.borrowers = borrowers;
        this.blacklist = blacklist;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        LoanApplication application = applications.get(execution.getProcessBusinessKey());
        Borrower borrower = borrowers.get(application.borrowerId());
        String idNumber = borrowers.idNumber(borrower);
        CreditBureauReport report = json.readValue((String) execution.getVariable("creditReport"), CreditBureauReport.class);

        boolean blacklisted = blacklist.contains(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, idNumber)
                || blacklist.contains(Blacklist.EntryType.PHONE, "phone", borrowers.phone(borrower))
                || blacklist.contains(Blacklist.EntryType.BANK_CARD, Applications.BANK_CARD_DOMAIN,
                        applications.bankCardNumber(application));
        int ownApplications = applications.applicationsSince(borrower.id(), LocalDateTime.now(clock).minusDays(90));
        RiskInput input = new RiskInput(application.id(), ChineseIdNumber.ageOn(idNumber, LocalDate.now(clock)),
                true, blacklisted, ownApplications, application.requestedAmount(), application.termMonths(), report);

        long started = System.nanoTime();
        RiskDecision decision = engine.assess(input);
        long latencyMicros = (System.nanoTime() - started) / 1_000;

        String reasonCodes = String.join(",", decision.reasonCodes());
        mapper.insertDecision(new DecisionRecord(Ids.newId(), application.id(), decision.outcome().name(), reasonCodes,
                decision.defaultProbability(), decision.riskTier(), decision.reviewGroup(),
                decision.adverseFactors().stream().map(AdverseFactor::code).collect(Collectors.joining(",")),
                decision.ruleSetVersion(), decision.decisionTableVersion(), decision.modelVersion(),
                sha256(json.writeValueAsString(input)), latencyMicros, LocalDateTime.now(clock)));

        execution.setVariable("riskOutcome", decision.outcome().name());
        execution.setVariable("reasonCodes", reasonCodes);
        execution.setVariable("defaultProbability", decision.defaultProbability().toPlainString());
        execution.setVariable("riskTier", decision.riskTier());
        execution.setVariable("reviewGroup", decision.reviewGroup() == null ? "reviewers" : decision.reviewGroup());
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
