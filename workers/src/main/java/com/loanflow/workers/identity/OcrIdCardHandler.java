package com.loanflow.workers.identity;

import com.loanflow.workers.identity.IdentityMismatch.Check;
import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.Masked;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** ocr-id-card: the name and ID number read from the ID card photo must be the ones the applicant entered. */
@Component
public class OcrIdCardHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(OcrIdCardHandler.class);

    private final PlatformClient platform;
    private final IdCardOcr ocr;

    public OcrIdCardHandler(TaskFailures failures, PlatformClient platform, IdCardOcr ocr) {
        super(failures);
        this.platform = platform;
        this.ocr = ocr;
    }

    @Override
    public String topic() {
        return "ocr-id-card";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        Optional<IdCardOcr.Fields> read = Images.decode(applicant.idCardFrontImage()).flatMap(ocr::read);
        if (read.isEmpty()) {
            log.info("ocr-id-card for application {}: ID card image unreadable", applicationId);
            IdentityMismatch.raise(task, service, Check.OCR_UNREADABLE, "ID card image could not be read");
            return;
        }
        IdCardOcr.Fields fields = read.get();
        if (!ChineseIdNumber.isValid(fields.idNumber())) {
            log.info("ocr-id-card for application {}: the ID number read fails its check character", applicationId);
            IdentityMismatch.raise(task, service, Check.OCR_UNREADABLE, "ID number on the card could not be read");
            return;
        }
        boolean matched = applicant.name().equals(fields.name())
                && applicant.idNumber().equalsIgnoreCase(fields.idNumber());
        log.info("ocr-id-card for application {}: card shows {} / {}, matched={}", applicationId,
                Masked.name(fields.name()), Masked.idNumber(fields.idNumber()), matched);
        if (!matched) {
            IdentityMismatch.raise(task, service, Check.OCR_MISMATCH, "Name or ID number on the ID card differs");
            return;
        }
        service.complete(task, Map.of("idCardOcrMatched", true));
    }
}
