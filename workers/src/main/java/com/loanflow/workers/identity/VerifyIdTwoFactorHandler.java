package com.loanflow.workers.identity;

import com.loanflow.workers.identity.IdentityMismatch.Check;
import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.Masked;
import com.loanflow.workers.platform.PlatformClient;
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

    public VerifyIdTwoFactorHandler(TaskFailures failures, PlatformClient platform, IdTwoFactorCheck registry) {
        super(failures);
        this.platform = platform;
        this.registry = registry;
    }

    @Override
    public String topic() {
        return "verify-id-two-factor";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        boolean matched = registry.matches(applicant.name(), applicant.idNumber());
        log.info("verify-id-two-factor for application {} ({} / {}): matched={}", applicationId,
                Masked.name(applicant.name()), Masked.idNumber(applicant.idNumber()), matched);
        if (!matched) {
            IdentityMismatch.raise(task, service, Check.ID_TWO_FACTOR_MISMATCH, "Name and ID number do not match");
            return;
        }
        service.complete(task, Map.of("idTwoFactorMatched", true));
    }
}
