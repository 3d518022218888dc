package com.loanflow.workers.identity;

import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.identity.IdentityMismatch.Check;
import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.ProviderAnswers;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * check-liveness: the selfie must score at least {@code loanflow.workers.liveness-pass-score} (default 0.80) for
 * liveness, and its face must match the ID card's portrait with at least {@code loanflow.workers.face-match-pass-score}
 * (default 0.80). Either failing is the provider's definitive answer: a BPMN error, not an incident.
 */
@Component
public class CheckLivenessHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckLivenessHandler.class);

    private final PlatformClient platform;
    private final LivenessCheck liveness;
    private final FaceComparison faces;
    private final BigDecimal passScore;
    private final BigDecimal faceMatchPassScore;

    private final ProviderAnswers answers;

    public CheckLivenessHandler(TaskFailures failures, PlatformClient platform, LivenessCheck liveness,
                                FaceComparison faces, WorkersProperties properties, ProviderAnswers answers) {
        super(failures);
        this.answers = answers;
        this.platform = platform;
        this.liveness = liveness;
        this.faces = faces;
        this.passScore = properties.workers().livenessPassScore();
        this.faceMatchPassScore = properties.workers().faceMatchPassScore();
    }

    @Override
    public String topic() {
        return "check-liveness";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        // each check paid once per task: a retry after face comparison failed does not buy liveness again
        BigDecimal score = new BigDecimal(answers.once(task, "liveness", () -> Images.decode(applicant.selfieImage())
                .map(liveness::score).orElse(BigDecimal.ZERO).toPlainString()));
        boolean passed = score.compareTo(passScore) >= 0;
        log.info("check-liveness for application {}: score {}, passed={}", applicationId, score, passed);
        if (!passed) {
            service.handleBpmnError(task, IdentityMismatch.ERROR_CODE, "Liveness score " + score + " below " + passScore,
                    Map.of("reasonCodes", IdentityMismatch.REASON_CODE, "identityFailure", Check.LIVENESS_FAILED.name(),
                            "livenessScore", score.toPlainString()));
            return;
        }
        byte[] selfie = Images.decode(applicant.selfieImage()).orElse(null);
        byte[] card = Images.decode(applicant.idCardFrontImage()).orElse(null);
        BigDecimal similarity = selfie == null || card == null ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(answers.once(task, "face-comparison", () -> faces.similarity(selfie, card).toPlainString()));
        boolean sameFace = similarity.compareTo(faceMatchPassScore) >= 0;
        log.info("face comparison for application {}: similarity {}, matched={}", applicationId, similarity, sameFace);
        if (!sameFace) {
            service.handleBpmnError(task, IdentityMismatch.ERROR_CODE,
                    "Selfie matches the ID card portrait with " + similarity + ", below " + faceMatchPassScore,
                    Map.of("reasonCodes", IdentityMismatch.REASON_CODE, "identityFailure", Check.FACE_MISMATCH.name(),
                            "livenessScore", score.toPlainString(), "faceMatchScore", similarity.toPlainString()));
            return;
        }
        service.complete(task, Map.of("livenessScore", score.toPlainString(),
                "faceMatchScore", similarity.toPlainString()));
    }
}
