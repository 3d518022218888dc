package com.loanflow.risk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Keeps the OCR worker's verdict on the ID card photo in {@code id_card_check}, where AssessRiskDelegate reads it
 * (ADR 0012 addendum). Runs as Task_OcrIdCard ends, in the transaction of the completion, so nothing edits the
 * variable in between. Only a completion by an engine user of group {@code workers} (the workers authenticate to
 * the engine's REST API) with {@code idCardOcrMatched=true} confirms: a completion by anybody else (an operator
 * fetching and completing the task), or the task cancelled (a modification, a withdrawal) leaves no confirmation,
 * and the risk step then sends the case to a reviewer. A later OCR run of the application replaces the verdict.
 */
@Component("idCardCheckRecorder")
class IdCardCheckRecorder implements ExecutionListener {

    static final String WORKERS_GROUP = "workers";
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
        mapper.deleteIdCardCheck(applicationId);
        if (execution.isCanceled()) {
            return; // ended without a verdict: no row, and the risk step fails closed
        }
        boolean byWorker = completedByAWorker(execution);
        boolean confirmed = byWorker && Boolean.TRUE.equals(execution.getVariable("idCardOcrMatched"));
        Object check = execution.getVariable("idCardOcrCheck");
        String checkCode = !byWorker ? "NOT_BY_WORKER"
                : check instanceof String code && CHECK_CODE.matcher(code).matches() && !confirmed ? code : null;
        mapper.insertIdCardCheck(applicationId, confirmed, checkCode, LocalDateTime.now(clock));
    }

    private static boolean completedByAWorker(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getGroupIds() != null && current.getGroupIds().contains(WORKERS_GROUP);
    }
}
