package com.loanflow.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.device.FraudSignals;
import com.loanflow.risk.strategy.ArmDecision;
import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.StrategyDecision;
import com.loanflow.shared.ChineseIdNumber;
import com.loanflow.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gathers the risk input (bureau report, blacklist, our own application count, age, device and IP signals), has
 * the live strategy decide and the other arm score in shadow, records both with the input for replay, and hands
 * the live route to the process.
 */
@Component("assessRiskDelegate")
class AssessRiskDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(AssessRiskDelegate.class);

    /** Blind-index domain of device ids on the blacklist. */
    static final String DEVICE_DOMAIN = "device";

    private final ChampionChallenger strategies;
    private final RiskMapper mapper;
    private final Applications applications;
    private final Borrowers borrowers;
    private final Blacklist blacklist;
    private final FraudSignals fraudSignals;
    private final ObjectMapper json;
    private final CreditReports creditReports;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry metrics;
    private final com.loanflow.loan.RepaymentRecord repaymentRecord;
    private final ReasonCodeDescriptions descriptions;

    AssessRiskDelegate(ChampionChallenger strategies, RiskMapper mapper, Applications applications,
                       Borrowers borrowers, Blacklist blacklist, FraudSignals fraudSignals, ObjectMapper json,
                       CreditReports creditReports, Clock clock, io.micrometer.core.instrument.MeterRegistry metrics,
                       com.loanflow.loan.RepaymentRecord repaymentRecord, ReasonCodeDescriptions descriptions) {
        this.descriptions = descriptions;
        this.metrics = metrics;
        this.repaymentRecord = repaymentRecord;
        this.creditReports = creditReports;
        this.strategies = strategies;
        this.mapper = mapper;
        this.applications = applications;
        this.borrowers = borrowers;
        this.blacklist = blacklist;
        this.fraudSignals = fraudSignals;
        this.json = json;
        this.clock = clock;
        // at zero from start-up, per configured arm: the alert's increase() sees the first failure, and the series
        // exists for it to read before any failure
        for (com.loanflow.risk.strategy.Arm arm : com.loanflow.risk.strategy.Arm.values()) {
            shadowFailures(arm, strategies.strategy(arm).name());
        }
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        LoanApplication application = applications.get(execution.getProcessBusinessKey());
        mapper.findDecision(application.id()).ifPresent(earlier -> {
            // one decision per application (uk_risk_decision_application): a process modification that runs this
            // task again gets a clear incident instead of a duplicate-key one (and reads no report or signal first);
            // the borrower applies anew instead
            throw new IllegalStateException("Application " + application.id() + " was decided already ("
                    + earlier.outcome() + " at " + earlier.decidedAt() + "); an application is assessed once");
        });
        Borrower borrower = borrowers.get(application.borrowerId());
        String idNumber = borrowers.idNumber(borrower);
        CreditBureauReport report = creditReport(execution, application.id());
        FraudSignals.Snapshot signals = fraudSignals.forApplication(application.id());

        boolean blacklisted = blacklist.contains(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, idNumber)
                || blacklist.contains(Blacklist.EntryType.PHONE, "phone", borrowers.phone(borrower))
                || blacklist.contains(Blacklist.EntryType.BANK_CARD, Applications.BANK_CARD_DOMAIN,
                        applications.bankCardNumber(application))
                || (signals.deviceId() != null
                        && blacklist.contains(Blacklist.EntryType.DEVICE, DEVICE_DOMAIN, signals.deviceId()));
        // this application included: it is one of the applications of the last three months (the sandbox bureau's
        // count is of other lenders' applications; a bureau that also logs our inquiry for it counts it twice)
        int ownApplications = applications.applicationsSince(borrower.id(), LocalDateTime.now(clock).minusDays(90));
        // no device id or IP region goes into the input: it is stored for replay and must stay non-personal
        // identityVerified is true here by construction: every identity check before this task rejects a mismatch
        // with BPMN error IDENTITY_MISMATCH (R_IDENTITY) on its own, so the rule on it guards direct engine callers
        RiskInput input = new RiskInput(application.id(), ChineseIdNumber.ageOn(idNumber, LocalDate.now(clock)),
                true, blacklisted, ownApplications, application.requestedAmount(), application.termMonths(), report,
                new FraudIndicators(signals.borrowersOnDeviceLast30Days(), signals.applicationsFromIpLastHour(),
                        signals.ipRegionFarFromIdentity(),
                        // the OCR worker could not confirm the ID card photo: a reviewer compares it
                        idCardUnconfirmed(execution, application.id())),
                repaymentRecord.of(borrower.id(), application.id()));

        // the arm follows the borrower, not the application: withdrawing and applying again meets the same arm
        StrategyDecision both = strategies.decide(input, borrower.id());
        DecisionRecord record = record(Ids.newId(), input, both, json, LocalDateTime.now(clock));
        mapper.insertDecision(record);
        RiskDecision decision = both.live().decision();
        String reasonCodes = record.reasonCodes();

        countDecision(both.live(), record);
        if (both.shadowFailed()) {
            // the live decision stands; the broken arm is for an operator to fix (the record keeps the error)
            log.warn("Shadow decision of {} strategy {} failed for application {}: {}", both.shadowFailure().arm(),
                    both.shadowFailure().strategy().name(), application.id(), both.shadowFailure().error());
            shadowFailures(both.shadowFailure().arm(), both.shadowFailure().strategy().name()).increment();
        }

        execution.setVariable("riskOutcome", decision.outcome().name());
        execution.setVariable("reasonCodes", reasonCodes);
        execution.setVariable("defaultProbability", decision.defaultProbability().toPlainString());
        execution.setVariable("riskTier", decision.riskTier());
        execution.setVariable("reviewGroup", decision.reviewGroup() == null ? "reviewers" : decision.reviewGroup());
        // what the reviewer reads in Tasklist, in the words the applicant is given (codes only, no personal data)
        execution.setVariable("reasonsExplained", descriptions.explain(decision.reasonCodes()));
        execution.setVariable("adverseFactorsExplained", descriptions.explain(
                decision.adverseFactors().stream().map(AdverseFactor::code).toList()));
        // what a reviewer grants by approving, and the record here it rests on (amounts and counts, nothing personal)
        execution.setVariable("offeredTerms", offeredTerms(both.live().terms(), descriptions));
        execution.setVariable("platformRecord", platformRecord(input.platformHistory()));
    }

    /**
     * Read from the verdict recorded as the worker completed (IdCardCheckRecorder), not from the variable, which
     * Cockpit can edit; no verdict fails closed. An instance of a process version from before the recorder (it was
     * running at the upgrade) has no verdict row by construction: it is read from its variable, as it was then.
     */
    private boolean idCardUnconfirmed(DelegateExecution execution, String applicationId) {
        if (!recordsIdCardVerdict(execution)) {
            return !Boolean.TRUE.equals(execution.getVariable("idCardOcrMatched"));
        }
        return !mapper.findIdCardConfirmed(applicationId).orElse(false);
    }

    /** Whether this instance's process version records the ID card verdict (Task_OcrIdCard's end listener). */
    static boolean recordsIdCardVerdict(DelegateExecution execution) {
        org.camunda.bpm.model.bpmn.BpmnModelInstance model = execution.getBpmnModelInstance();
        if (model == null) {
            return true;
        }
        return model.getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).stream()
                .anyMatch(listener -> "${idCardCheckRecorder}".equals(listener.getCamundaDelegateExpression()));
    }

    /** "Credit limit 3000.00 CNY, nominal APR at most 18.00%; <why the limit> (L_...)"; empty for a rejection. */
    static String offeredTerms(CreditTerms terms, ReasonCodeDescriptions descriptions) {
        if (terms == null) {
            return "";
        }
        String offered = "额度 " + terms.creditLimit().toPlainString() + " 元，名义年利率不超过 "
                + terms.aprPercent().toPlainString() + "% / Credit limit " + terms.creditLimit().toPlainString()
                + " CNY, nominal APR at most " + terms.aprPercent().toPlainString() + "%";
        return terms.limitReasonCode() == null ? offered
                : offered + "; " + descriptions.explain(List.of(terms.limitReasonCode()));
    }

    /** The applicant's record on this platform as the decision read it (RepaymentRecord), in words. */
    static String platformRecord(PlatformHistory history) {
        if (history.settledLoans() == 0 && history.maxDaysPastDue() == 0) {
            return "本平台24个月内无借款记录 / No loan here in the last 24 months";
        }
        String lastLimit = history.settledCreditLimit() == null ? "-" : history.settledCreditLimit().toPlainString();
        return "本平台结清借款 " + history.settledLoans() + " 笔，最近结清一笔按时还款 " + history.onTimeInstallments()
                + " 期，24个月内最长逾期 " + history.maxDaysPastDue() + " 天，上次额度 " + lastLimit
                + " 元 / Loans repaid here: " + history.settledLoans() + "; installments of the last one paid on time: "
                + history.onTimeInstallments() + "; most days late in 24 months: " + history.maxDaysPastDue()
                + "; its credit limit: " + lastLimit + " CNY";
    }

    private io.micrometer.core.instrument.Counter shadowFailures(com.loanflow.risk.strategy.Arm arm, String strategy) {
        return io.micrometer.core.instrument.Counter.builder("loanflow.risk.shadow.failures")
                .description("Shadow decisions that failed (the live decision went on; the record keeps the error)")
                .tag("arm", arm.name()).tag("strategy", strategy).register(metrics);
    }

    /**
     * loanflow_risk_decisions_total by outcome, arm and strategy, and the decision's latency (rules + tables + model +
     * reason codes) as a histogram, once the decision is stored (ADR 0025). A job retried after a rollback counts
     * again: these are rates for alerting, the decision records are the count of record.
     */
    private void countDecision(ArmDecision live, DecisionRecord record) {
        metrics.counter("loanflow.risk.decisions", "outcome", record.outcome(), "arm", live.arm().name(),
                "strategy", live.strategy().name()).increment();
        io.micrometer.core.instrument.Timer.builder("loanflow.risk.decision.latency")
                .description("One whole automatic decision: hard rules, decision tables, model, reason codes")
                .publishPercentileHistogram()
                .maximumExpectedValue(java.time.Duration.ofSeconds(1))
                .register(metrics)
                .record(java.time.Duration.ofNanos(live.latencyMicros() * 1_000L));
    }

    /** The record of both arms' decisions on one input, with the input JSON and its hash for replay. */
    static DecisionRecord record(String id, RiskInput input, StrategyDecision both, ObjectMapper json,
                                 LocalDateTime decidedAt) throws JsonProcessingException {
        ArmDecision live = both.live();
        RiskDecision decision = live.decision();
        ArmDecision shadow = both.shadow();
        StrategyDecision.ShadowFailure failure = both.shadowFailure();
        String inputJson = json.writeValueAsString(input);
        return new DecisionRecord(id, input.applicationId(), decision.outcome().name(),
                String.join(",", decision.reasonCodes()), decision.defaultProbability(), decision.riskTier(),
                decision.reviewGroup(),
                decision.adverseFactors().stream().map(AdverseFactor::code).collect(Collectors.joining(",")),
                decision.ruleSetVersion(), decision.decisionTableVersion(), decision.modelVersion(),
                sha256(inputJson), live.latencyMicros(), decidedAt,
                live.strategy().name(), live.arm().name(), json.writeValueAsString(live.strategy()),
                String.join(",", decision.ruleHits()),
                live.terms() == null ? null : live.terms().creditLimit(),
                live.terms() == null ? null : live.terms().aprPercent(), inputJson,
                // a failed shadow keeps its strategy and error, with no outcome or PD for the comparison to count
                shadow == null ? failure.strategy().name() : shadow.strategy().name(),
                shadow == null ? null : shadow.decision().outcome().name(),
                shadow == null ? null : shadow.decision().defaultProbability(),
                json.writeValueAsString(shadow == null
                        ? ShadowDecision.failed(failure.arm().name(), failure.strategy(), failure.error())
                        : new ShadowDecision(shadow.arm().name(), shadow.strategy(), ArmOutcome.of(shadow),
                                shadow.latencyMicros(), null)),
                live.terms() == null ? null : live.terms().limitReasonCode());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sealed report the bureau worker stored (creditReportId). Instances started before V12 still carry the
     * report itself as creditReport; read it once more so they can finish.
     */
    private CreditBureauReport creditReport(DelegateExecution execution, String applicationId) throws Exception {
        Object id = execution.getVariable("creditReportId");
        if (id instanceof String creditReportId) {
            return creditReports.open(applicationId, creditReportId);
        }
        Object legacy = execution.getVariable("creditReport");
        if (legacy instanceof String reportJson) {
            return json.readValue(reportJson, CreditBureauReport.class);
        }
        throw new IllegalStateException("No credit report for application " + applicationId);
    }
}
