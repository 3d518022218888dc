package com.loanflow.risk;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/**
 * Who completed Task_OcrIdCard decides whether its verdict counts: only an engine user of group workers confirms
 * (IdCardUnconfirmedReviewTest shows the real workers' completions recorded through the engine's REST API).
 */
class IdCardCheckRecorderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDateTime NOW = LocalDateTime.now(CLOCK);

    final RiskMapper mapper = mock(RiskMapper.class);
    final IdCardCheckRecorder recorder = new IdCardCheckRecorder(mapper, CLOCK);

    private static DelegateExecution ended(Authentication who, Object matched, Object check, boolean canceled) {
        DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
        when(execution.getProcessBusinessKey()).thenReturn("APP-1");
        when(execution.isCanceled()).thenReturn(canceled);
        when(execution.getVariable("idCardOcrMatched")).thenReturn(matched);
        when(execution.getVariable("idCardOcrCheck")).thenReturn(check);
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()).thenReturn(who);
        return execution;
    }

    private static Authentication user(String id, String... groups) {
        return new Authentication(id, List.of(groups));
    }

    @Test
    void aWorkersConfirmationConfirms() {
        recorder.notify(ended(user("worker", "workers"), true, null, false));
        verify(mapper).deleteIdCardCheck("APP-1");
        verify(mapper).insertIdCardCheck("APP-1", true, null, NOW);
    }

    @Test
    void aWorkersDoubtIsKeptWithItsCheckCode() {
        recorder.notify(ended(user("worker", "workers"), false, "OCR_NAME_UNCONFIRMED", false));
        verify(mapper).insertIdCardCheck("APP-1", false, "OCR_NAME_UNCONFIRMED", NOW);
        // a code that is not one of the worker's (free text typed into the variable) is not stored
        recorder.notify(ended(user("worker", "workers"), false, "see 13800138000", false));
        verify(mapper).insertIdCardCheck("APP-1", false, null, NOW);
    }

    @Test
    void aCompletionByAnybodyElseDoesNotConfirm() {
        recorder.notify(ended(user("ops1", "ops"), true, null, false));
        recorder.notify(ended(null, true, null, false));
        verify(mapper, org.mockito.Mockito.times(2)).insertIdCardCheck("APP-1", false, "NOT_BY_WORKER", NOW);
        verify(mapper, never()).insertIdCardCheck(anyString(), org.mockito.ArgumentMatchers.eq(true), any(), any());
    }

    @Test
    void aCancelledTaskLeavesNoVerdict() {
        recorder.notify(ended(user("ops1", "camunda-admin"), true, null, true));
        verify(mapper).deleteIdCardCheck("APP-1");
        verify(mapper, never()).insertIdCardCheck(anyString(), anyBoolean(), any(), any());
    }
}
