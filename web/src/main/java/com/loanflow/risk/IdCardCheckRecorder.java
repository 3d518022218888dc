package com.loanflow.risk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the OCR worker's verdict on the ID card photo (Task_OcrIdCard's end, the transaction of the worker's
 * completion, so nothing can edit the variable in between) in {@code id_card_check}, where AssessRiskDelegate reads
 * it. Only the worker's own {@code true} confirms; a later OCR run of the same application replaces the verdict.
 */
@Component("idCardCheckRecorder")
class IdCardCheckRecorder implements ExecutionListener {

    private static final Pattern CHECK_CODE = Pattern.compile("[A-Z_]{1,40}");

    private final RiskMapper mapper;
    private final Clock clock;

    IdCardCheckRecorder(RiskMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String applicationId = execution.getProcessBusinessKey();
        boolean confirmed = Boolean.TRUE.equals(execution.getVariable("idCardOcrMatched"));
        Object check = execution.getVariable("idCardOcrCheck");
        String checkCode = check instanceof String code && CHECK_CODE.matcher(code).matches() ? code : null;
        mapper.deleteIdCardCheck(applicationId);
        mapper.insertIdCardCheck(applicationId, confirmed, confirmed ? null : checkCode, LocalDateTime.now(clock));
    }
}
