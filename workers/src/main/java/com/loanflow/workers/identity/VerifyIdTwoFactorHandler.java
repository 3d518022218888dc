package com.loanflow.workers.identity;

import com.loanflow.workers.identity.IdentityMismatch.Check;
import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.Masked;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.ProviderAnswers;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** verify-id-two-factor: the name must belong to the ID number in the public-security registry. */
@Component
public class VerifyIdTwoFactorHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(VerifyIdTwoFactorHandler.class);

    private final PlatformClient platform;
    private final IdTwoFactorCheck registry;
    private final ProviderAnswers answers;

    public VerifyIdTwoFactorHandler(TaskFailures failures, PlatformClient platform, IdTwoFactorCheck registry,
                                    ProviderAnswers answers) {
        super(failures);
        this.platform = platform;
        this.registry = registry;
        this.answers = answers;
    }

    @Override
    public String topic() {
        return "verify-id-two-factor";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        boolean matched = Boolean.parseBoolean(answers.once(task, topic(), () -> String.valueOf(
                registry.matches(applicant.name(), applicant.idNumber()))));
        log.info("verify-id-two-factor for application {} ({} / {}): matched={}", applicationId,
                Masked.name(applicant.name()), Masked.idNumber(applicant.idNumber()), matched);
        if (!matched) {
            IdentityMismatch.raise(task, service, Check.ID_TWO_FACTOR_MISMATCH, "Name and ID number do not match");
            return;
        }
        service.complete(task, Map.of("idTwoFactorMatched", true));
    }
}
