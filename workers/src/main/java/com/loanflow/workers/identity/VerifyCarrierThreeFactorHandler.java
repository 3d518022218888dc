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

/** verify-carrier-three-factor: the phone must be registered to this name and ID number at the carrier. */
@Component
public class VerifyCarrierThreeFactorHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(VerifyCarrierThreeFactorHandler.class);

    private final PlatformClient platform;
    private final CarrierThreeFactorCheck carrier;
    private final ProviderAnswers answers;

    public VerifyCarrierThreeFactorHandler(TaskFailures failures, PlatformClient platform,
                                           CarrierThreeFactorCheck carrier, ProviderAnswers answers) {
        super(failures);
        this.platform = platform;
        this.carrier = carrier;
        this.answers = answers;
    }

    @Override
    public String topic() {
        return "verify-carrier-three-factor";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        boolean matched = Boolean.parseBoolean(answers.once(task, topic(), () -> String.valueOf(
                carrier.matches(applicant.name(), applicant.idNumber(), applicant.phone()))));
        String maskedPhone = Masked.phone(applicant.phone());
        log.info("verify-carrier-three-factor for application {} (phone {}): matched={}", applicationId, maskedPhone,
                matched);
        if (!matched) {
            IdentityMismatch.raise(task, service, Check.CARRIER_THREE_FACTOR_MISMATCH,
                    "Phone is not registered to this name and ID number");
            return;
        }
        service.complete(task, Map.of("carrierThreeFactorMatched", true));
    }
}
