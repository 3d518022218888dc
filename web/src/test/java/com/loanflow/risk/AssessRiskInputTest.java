package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.device.FraudSignals;
import com.loanflow.loan.RepaymentRecord;
import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.ModelSource;
import com.loanflow.risk.strategy.StrategyEngines;
import com.loanflow.risk.strategy.StrategySpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What AssessRiskDelegate hands the engine, from the platform's own records: each blacklist lookup (ID number,
 * phone, bank card, device), the age from the ID number on the decision day, our own applications of the last 90
 * days (this one included), the device/IP signals and the OCR flag. The engine's rules are tested in decisions/; this
 * is the wiring in front of them.
 */
class AssessRiskInputTest {

    static final String ID_NUMBER = "110101199003070011"; // 张三, born 1990-03-07
    static final String PHONE = "13800000001";
    static final String CARD = "6222020000000007";
    static final String DEVICE_IDX = "d".repeat(64);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final ChampionChallenger STRATEGIES = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER,
            10, new StrategyEngines(ModelSource.CLASSPATH));

    final RiskMapper mapper = mock(RiskMapper.class);
    final Applications applications = mock(Applications.class);
    final Borrowers borrowers = mock(Borrowers.class);
    final Blacklist blacklist = mock(Blacklist.class);
    final FraudSignals fraudSignals = mock(FraudSignals.class);
    final CreditReports creditReports = mock(CreditReports.class);
    final RepaymentRecord repaymentRecord = mock(RepaymentRecord.class);
    final DelegateExecution execution = mock(DelegateExecution.class);
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    AssessRiskDelegate delegate;

    @BeforeEach
    void platform() {
        delegate = new AssessRiskDelegate(STRATEGIES, mapper, applications, borrowers, blacklist, fraudSignals, json,
                creditReports, CLOCK, new SimpleMeterRegistry(), repaymentRecord, new ReasonCodeDescriptions(mapper));
        LoanApplication application = new LoanApplication("APP-1", "B-1", "key-1", new BigDecimal("1000.00"), 6,
                "card-enc", "card-idx", "6222****0007", "CONSUMPTION", null, null, null, null, null, null, null,
                LocalDateTime.now(CLOCK), LocalDateTime.now(CLOCK), 0);
        Borrower borrower = new Borrower("B-1", "phone-enc", "phone-idx", "138****0001", "hash", "name-enc", "张*",
                "id-enc", "id-idx", "1101**********0011", null, null, LocalDateTime.now(CLOCK), 0);
        when(execution.getProcessBusinessKey()).thenReturn("APP-1");
        when(execution.getVariable("creditReportId")).thenReturn("REPORT-1");
        when(applications.get("APP-1")).thenReturn(application);
        when(applications.bankCardNumber(application)).thenReturn(CARD);
        when(applications.applicationsSince(eq("B-1"), any())).thenReturn(1);
        when(borrowers.get("B-1")).thenReturn(borrower);
        when(borrowers.idNumber(borrower)).thenReturn(ID_NUMBER);
        when(borrowers.phone(borrower)).thenReturn(PHONE);
        when(creditReports.open("APP-1", "REPORT-1")).thenReturn(new CreditBureauReport(0, 1, 2, 1, false, false,
                0.15, 36, 0, 0.25, 12000.0, 6, 0, 1, 0, 1));
        when(fraudSignals.forApplication("APP-1"))
                .thenReturn(new FraudSignals.Snapshot(DEVICE_IDX, 2, 3, "北京市|北京市", false));
        when(repaymentRecord.of("B-1", "APP-1")).thenReturn(PlatformHistory.NONE);
        when(mapper.findIdCardConfirmed("APP-1")).thenReturn(Optional.of(true));
    }

    private DecisionRecord decide() throws Exception {
        delegate.execute(execution);
        ArgumentCaptor<DecisionRecord> stored = ArgumentCaptor.forClass(DecisionRecord.class);
        verify(mapper).insertDecision(stored.capture());
        return stored.getValue();
    }

    private RiskInput input(DecisionRecord record) throws Exception {
        return json.readValue(record.inputJson(), RiskInput.class);
    }

    @Test
    void theInputCarriesAgeOwnApplicationsSignalsAndNoPersonalData() throws Exception {
        when(mapper.findIdCardConfirmed("APP-1")).thenReturn(Optional.of(false));
        when(applications.applicationsSince(eq("B-1"), any())).thenReturn(3); // R_PLATFORM_VELOCITY from 4
        DecisionRecord record = decide();
        RiskInput input = input(record);
        assertThat(input.applicantAge()).as("born 1990-03-07, decided 2026-11-27").isEqualTo(36);
        assertThat(input.blacklistHit()).isFalse();
        assertThat(input.platformApplicationsLast90Days()).isEqualTo(3);
        ArgumentCaptor<LocalDateTime> since = ArgumentCaptor.forClass(LocalDateTime.class);
        verify(applications).applicationsSince(eq("B-1"), since.capture());
        assertThat(since.getValue()).isEqualTo(LocalDateTime.now(CLOCK).minusDays(90));
        assertThat(input.fraudIndicators()).isEqualTo(new FraudIndicators(2, 3, false, true));
        assertThat(input.requestedAmount()).isEqualByComparingTo("1000.00");
        assertThat(input.termMonths()).isEqualTo(6);
        assertThat(record.inputJson()).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain(CARD)
                .doesNotContain(DEVICE_IDX);
        // the unconfirmed ID card photo is a flag for a reviewer
        assertThat(record.outcome()).isEqualTo("REVIEW");
        assertThat(record.reasonCodes()).contains("F_ID_CARD_UNCONFIRMED");
    }

    /**
     * The ID card verdict is the one recorded as the OCR worker completed (IdCardCheckRecorder), not the process
     * variable, which Cockpit can edit: a variable saying true does not lift the flag, and no verdict fails closed.
     */
    @Test
    void theIdCardVerdictComesFromItsRecordNotTheVariable() throws Exception {
        DecisionRecord confirmed = decide();
        assertThat(input(confirmed).fraudIndicators().idCardUnconfirmed()).isFalse();
        assertThat(confirmed.reasonCodes()).doesNotContain("F_ID_CARD_UNCONFIRMED");
        for (Optional<Boolean> notConfirmed : List.of(Optional.<Boolean>empty(), Optional.of(false))) {
            org.mockito.Mockito.reset(mapper);
            when(mapper.findIdCardConfirmed("APP-1")).thenReturn(notConfirmed);
            when(execution.getVariable("idCardOcrMatched")).thenReturn(true); // edited in Cockpit: ignored
            DecisionRecord record = decide();
            assertThat(input(record).fraudIndicators().idCardUnconfirmed()).as(notConfirmed.toString()).isTrue();
            assertThat(record.outcome()).as(notConfirmed.toString()).isEqualTo("REVIEW");
            assertThat(record.reasonCodes()).as(notConfirmed.toString()).contains("F_ID_CARD_UNCONFIRMED");
        }
    }

    /** An instance of a process version from before the recorder has no verdict row: its variable is read, as then. */
    @Test
    void anInstanceFromBeforeTheRecorderIsReadFromItsVariable() throws Exception {
        org.camunda.bpm.model.bpmn.BpmnModelInstance before = org.camunda.bpm.model.bpmn.Bpmn
                .createExecutableProcess("Process_LoanApplication").startEvent()
                .serviceTask("Task_OcrIdCard").camundaExternalTask("ocr-id-card").endEvent().done();
        when(execution.getBpmnModelInstance()).thenReturn(before);
        when(mapper.findIdCardConfirmed("APP-1")).thenReturn(Optional.empty());
        when(execution.getVariable("idCardOcrMatched")).thenReturn(true);
        assertThat(input(decide()).fraudIndicators().idCardUnconfirmed()).isFalse();
        org.mockito.Mockito.reset(mapper);
        when(execution.getVariable("idCardOcrMatched")).thenReturn(false);
        assertThat(input(decide()).fraudIndicators().idCardUnconfirmed()).isTrue();
        // the current version has the recorder, and reads the row
        org.camunda.bpm.model.bpmn.BpmnModelInstance current = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
                getClass().getResourceAsStream("/bpmn/loan-application.bpmn"));
        assertThat(AssessRiskDelegate.recordsIdCardVerdict(execution)).isFalse();
        when(execution.getBpmnModelInstance()).thenReturn(current);
        assertThat(AssessRiskDelegate.recordsIdCardVerdict(execution)).isTrue();
    }

    /** The arm is the borrower's: another application of the same borrower is split the same way. */
    @Test
    void theArmFollowsTheBorrowerNotTheApplication() throws Exception {
        // at a 50% share borrower B-1 (bucket 46) is the challenger's, application APP-1 (bucket 78) the champion's
        ChampionChallenger half = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 50,
                new StrategyEngines(ModelSource.CLASSPATH));
        assertThat(half.assign("APP-1")).isEqualTo(com.loanflow.risk.strategy.Arm.CHAMPION);
        delegate = new AssessRiskDelegate(half, mapper, applications, borrowers, blacklist, fraudSignals, json,
                creditReports, CLOCK, new SimpleMeterRegistry(), repaymentRecord, new ReasonCodeDescriptions(mapper));
        DecisionRecord record = decide();
        assertThat(record.arm()).isEqualTo("CHALLENGER");
        assertThat(record.strategyName()).isEqualTo(StrategySpec.CHALLENGER.name());
    }

    @Test
    void eachBlacklistLookupAloneRejects() throws Exception {
        record Lookup(Blacklist.EntryType type, String domain, String value) {
        }
        for (Lookup listed : List.of(new Lookup(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, ID_NUMBER),
                new Lookup(Blacklist.EntryType.PHONE, "phone", PHONE),
                new Lookup(Blacklist.EntryType.BANK_CARD, Applications.BANK_CARD_DOMAIN, CARD),
                new Lookup(Blacklist.EntryType.DEVICE, AssessRiskDelegate.DEVICE_DOMAIN, DEVICE_IDX))) {
            org.mockito.Mockito.reset(blacklist, mapper);
            when(blacklist.contains(any(), anyString(), anyString())).thenReturn(false);
            when(blacklist.contains(listed.type(), listed.domain(), listed.value())).thenReturn(true);
            DecisionRecord record = decide();
            assertThat(input(record).blacklistHit()).as(listed.type().name()).isTrue();
            assertThat(record.outcome()).as(listed.type().name()).isEqualTo("REJECT");
            assertThat(record.reasonCodes()).as(listed.type().name()).contains("R_BLACKLIST");
        }
    }

    @Test
    void withoutADeviceTheDeviceListIsNotAsked() throws Exception {
        when(fraudSignals.forApplication("APP-1")).thenReturn(new FraudSignals.Snapshot(null, 0, 1, null, false));
        DecisionRecord record = decide();
        assertThat(input(record).blacklistHit()).isFalse();
        verify(blacklist, org.mockito.Mockito.never()).contains(eq(Blacklist.EntryType.DEVICE), anyString(), any());
        assertThat(record.outcome()).isEqualTo("APPROVE");
    }

    @Test
    void anApplicationDecidedAlreadyIsNotDecidedAgain() {
        DecisionRecord earlier = mock(DecisionRecord.class);
        when(earlier.outcome()).thenReturn("APPROVE");
        when(mapper.findDecision("APP-1")).thenReturn(java.util.Optional.of(earlier));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> delegate.execute(execution))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was decided already (APPROVE");
        verify(mapper, org.mockito.Mockito.never()).insertDecision(any());
        verify(creditReports, org.mockito.Mockito.never()).open(anyString(), anyString());
    }

    @Test
    void ownApplicationsAboveTenTogetherWithTheBureausRejectForMultiLending() throws Exception {
        // the bureau's 2 applications in 90 days + our 9 = 11 > 10; + our 8 = 10 is not more than 10
        when(applications.applicationsSince(eq("B-1"), any())).thenReturn(9);
        DecisionRecord eleven = decide();
        assertThat(eleven.outcome()).isEqualTo("REJECT");
        assertThat(eleven.reasonCodes()).contains("R_MULTI_LENDING");
        org.mockito.Mockito.reset(mapper);
        when(applications.applicationsSince(eq("B-1"), any())).thenReturn(8);
        assertThat(decide().reasonCodes()).doesNotContain("R_MULTI_LENDING");
    }
}
