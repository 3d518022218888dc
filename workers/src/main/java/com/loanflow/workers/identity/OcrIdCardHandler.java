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

    /**
     * Only a confident contradiction rejects (R_IDENTITY): a card whose valid ID number is another one, or whose name
     * is two or more edits from the claimed one. What OCR cannot read, or a name one edit away with
     * the claimed ID number (ADR 0014 measures Tesseract's name accuracy on noisy photos at 0.68), completes with
     * {@code idCardOcrMatched=false}: the registry's name and ID number check still runs, and the risk rules send the
     * application to a reviewer (F_ID_CARD_UNCONFIRMED) instead of turning the borrower away for our misreading.
     */
    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        Applicant applicant = platform.applicant(applicationId);
        Optional<IdCardOcr.Fields> read = Images.decode(applicant.idCardFrontImage()).flatMap(ocr::read);
        if (read.isEmpty()) {
            log.info("ocr-id-card for application {}: ID card image unreadable, to a reviewer", applicationId);
            unconfirmed(task, service, Check.OCR_UNREADABLE);
            return;
        }
        IdCardOcr.Fields fields = read.get();
        if (!ChineseIdNumber.isValid(fields.idNumber())) {
            log.info("ocr-id-card for application {}: the ID number read fails its check character, to a reviewer",
                    applicationId);
            unconfirmed(task, service, Check.OCR_UNREADABLE);
            return;
        }
        boolean idNumberMatched = applicant.idNumber().equalsIgnoreCase(fields.idNumber());
        int nameDifferences = differences(applicant.name(), fields.name());
        log.info("ocr-id-card for application {}: card shows {} / {}, ID number matched={}, name differences={}",
                applicationId, Masked.name(fields.name()), Masked.idNumber(fields.idNumber()), idNumberMatched,
                nameDifferences);
        if (!idNumberMatched || nameDifferences > 1) {
            IdentityMismatch.raise(task, service, Check.OCR_MISMATCH, "Name or ID number on the ID card differs");
            return;
        }
        if (nameDifferences == 1) {
            unconfirmed(task, service, Check.OCR_NAME_UNCONFIRMED);
            return;
        }
        service.complete(task, Map.of("idCardOcrMatched", true));
    }

    private static void unconfirmed(ExternalTask task, ExternalTaskService service, Check check) {
        service.complete(task, Map.of("idCardOcrMatched", false, "idCardOcrCheck", check.name()));
    }

    /**
     * How many characters must be changed, added or dropped to turn one name into the other (edit distance, by code
     * point): OCR misreads a character, or drops or adds one (a missing "·"), about equally often.
     */
    static int differences(String claimed, String read) {
        if (read == null) {
            return Integer.MAX_VALUE;
        }
        int[] a = claimed.codePoints().toArray();
        int[] b = read.codePoints().toArray();
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
