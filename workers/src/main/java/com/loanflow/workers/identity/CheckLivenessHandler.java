package com.loanflow.workers.identity;

import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.identity.IdentityMismatch.Check;
import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** check-liveness: the selfie must score at least {@code loanflow.workers.liveness-pass-score} (default 0.80). */
@Component
public class CheckLivenessHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckLivenessHandler.class);

    private final PlatformClient platform;
    private final LivenessCheck liveness;
    private final BigDecimal passScore;

    public CheckLivenessHandler(TaskFailures failures, PlatformClient platform, LivenessCheck liveness,
                                WorkersProperties properties) {
        super(failures);
        this.platform = platform;
        this.liveness = liveness;
        this.passScore = properties.workers().livenessPassScore();
    }

    @Override
    public String topic() {
        return "check-liveness";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        BigDecimal score = Images.decode(applicant.selfieImage()).map(liveness::score).orElse(BigDecimal.ZERO);
        boolean passed = score.compareTo(passScore) >= 0;
        log.info("check-liveness for application {}: score {}, passed={}", applicationId, score, passed);
        if (!passed) {
            service.handleBpmnError(task, IdentityMismatch.ERROR_CODE, "Liveness score " + score + " below " + passScore,
                    Map.of("reasonCodes", IdentityMismatch.REASON_CODE, "identityFailure", Check.LIVENESS_FAILED.name(),
                            "livenessScore", score.toPlainString()));
            return;
        }
        service.complete(task, Map.of("livenessScore", score.toPlainString()));
    }
}
