package com.loanflow.workers.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.loanflow.workers.TestProperties;
import com.loanflow.workers.identity.sandbox.SandboxCarrierRegistry;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import com.loanflow.workers.identity.sandbox.SandboxIdCardOcr;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import com.loanflow.workers.identity.sandbox.SandboxFaceComparison;
import com.loanflow.workers.identity.sandbox.SandboxLiveness;
import com.loanflow.workers.identity.sandbox.SandboxPublicSecurityRegistry;
import com.loanflow.workers.platform.FakePlatform;
import com.loanflow.workers.platform.ProviderAnswers;
import com.loanflow.workers.platform.TaskFailures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class IdentityHandlersTest {

    private static final String NAME = "张三";
    private static final String ID = "110101199003070011";
    private static final String PHONE = "13800000001";

    private final FakePlatform platform = new FakePlatform();
    private final ExternalTaskService service = mock(ExternalTaskService.class);
    private final TaskFailures failures = new TaskFailures(TestProperties.create());
    private final SandboxLatency noLatency = SandboxLatency.none();
    private final SandboxPublicSecurityRegistry registry = new SandboxPublicSecurityRegistry(noLatency);
    private final OcrIdCardHandler ocr = new OcrIdCardHandler(failures, platform.client, new SandboxIdCardOcr(noLatency));
    private final VerifyIdTwoFactorHandler twoFactor = new VerifyIdTwoFactorHandler(failures, platform.client, registry,
            ProviderAnswers.none());
    private final VerifyCarrierThreeFactorHandler threeFactor = new VerifyCarrierThreeFactorHandler(failures,
            platform.client, new SandboxCarrierRegistry(noLatency, registry), ProviderAnswers.none());
    private final CheckLivenessHandler liveness = new CheckLivenessHandler(failures, platform.client,
            new SandboxLiveness(noLatency), new SandboxFaceComparison(noLatency), TestProperties.create(),
            ProviderAnswers.none());

    @AfterEach
    void everyExpectedCallWasMade() {
        platform.server.verify();
    }

    @Test
    void ocrMatchingTheApplicantCompletesWithAFlagOnly() {
        platform.answersApplicant(NAME, ID, PHONE, SandboxIdCard.renderFront(NAME, ID, "北京市"), null);
        ExternalTask task = FakePlatform.task(null);
        ocr.execute(task, service);
        verify(service).complete(task, Map.of("idCardOcrMatched", true));
    }

    @Test
    void ocrShowingAnotherPersonIsAnIdentityMismatch() {
        platform.answersApplicant(NAME, ID, PHONE, SandboxIdCard.renderFront("李四", ID, "北京市"), null);
        ExternalTask task = FakePlatform.task(null);
        ocr.execute(task, service);
        verify(service).handleBpmnError(eq(task), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "OCR_MISMATCH")));
    }

    @Test
    void anUnreadableIdCardGoesToAReviewerNotToRejection() {
        platform.answersApplicant(NAME, ID, PHONE, "not an image".getBytes(StandardCharsets.UTF_8), null);
        ExternalTask task = FakePlatform.task(null);
        ocr.execute(task, service);
        verify(service).complete(task, Map.of("idCardOcrMatched", false, "idCardOcrCheck", "OCR_UNREADABLE"));
        verify(service, never()).handleBpmnError(any(ExternalTask.class), anyString(), anyString(), any());
    }

    @Test
    void aNameOneCharacterOffWithTheClaimedIdNumberGoesToAReviewerTwoOffIsAMismatch() {
        platform.answersApplicant(NAME, ID, PHONE, SandboxIdCard.renderFront(NAME.charAt(0) + "二", ID, "北京市"), null);
        platform.answersApplicant(NAME, ID, PHONE, SandboxIdCard.renderFront("王二", ID, "北京市"), null);
        ExternalTask oneOff = FakePlatform.task(null);
        ExternalTask twoOff = FakePlatform.task(null);
        ocr.execute(oneOff, service);
        ocr.execute(twoOff, service);
        verify(service).complete(oneOff, Map.of("idCardOcrMatched", false, "idCardOcrCheck", "OCR_NAME_UNCONFIRMED"));
        verify(service).handleBpmnError(eq(twoOff), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "OCR_MISMATCH")));
    }

    @Test
    void nameDifferencesAreTheEditDistance() {
        assertThat(OcrIdCardHandler.differences("张三", "张三")).isZero();
        assertThat(OcrIdCardHandler.differences("张三", "张二")).isEqualTo(1);
        assertThat(OcrIdCardHandler.differences("张三", "李四")).isEqualTo(2);
        assertThat(OcrIdCardHandler.differences("张三", "张三丰")).as("one added").isEqualTo(1);
        assertThat(OcrIdCardHandler.differences("买买提·艾力", "买买提艾力")).as("the dot dropped").isEqualTo(1);
        assertThat(OcrIdCardHandler.differences("欧阳明", "明")).isEqualTo(2);
        assertThat(OcrIdCardHandler.differences("张三", null)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void twoFactorMatchAndMismatch() {
        platform.answersApplicant(NAME, ID, PHONE, null, null);
        platform.answersApplicant("王五", ID, PHONE, null, null);
        ExternalTask matching = FakePlatform.task(null);
        ExternalTask other = FakePlatform.task(null);
        twoFactor.execute(matching, service);
        twoFactor.execute(other, service);
        verify(service).complete(matching, Map.of("idTwoFactorMatched", true));
        verify(service).handleBpmnError(eq(other), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "ID_TWO_FACTOR_MISMATCH")));
    }

    @Test
    void threeFactorWithSomeoneElsesPhoneIsAMismatch() {
        platform.answersApplicant(NAME, ID, "13800000002", null, null);
        ExternalTask task = FakePlatform.task(null);
        threeFactor.execute(task, service);
        verify(service).handleBpmnError(eq(task), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "CARRIER_THREE_FACTOR_MISMATCH")));
    }

    @Test
    void carrierTimeoutIsRetriedWithBackoff() {
        String first17 = "11010519900101001";
        platform.answersApplicant("测试", first17 + ChineseIdNumber.checkCharacter(first17), "13800000099", null, null);
        ExternalTask task = FakePlatform.task(null);
        threeFactor.execute(task, service);
        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(2), eq(5000L));
        verify(service, never()).complete(eq(task), org.mockito.ArgumentMatchers.anyMap());
    }

    @Test
    void livenessPassingSetsTheScoreAndSpoofIsAMismatch() {
        byte[] card = SandboxIdCard.renderFront(NAME, ID, "北京市");
        platform.answersApplicant(NAME, ID, PHONE, card, SandboxIdCard.renderSelfie(ID.hashCode()));
        platform.answersApplicant(NAME, ID, PHONE, card, SandboxIdCard.renderSelfie(0));
        ExternalTask live = FakePlatform.task(null);
        ExternalTask spoof = FakePlatform.task(null);
        liveness.execute(live, service);
        liveness.execute(spoof, service);
        verify(service).complete(live, Map.of("livenessScore", SandboxLiveness.scoreForSeed(ID.hashCode()).toPlainString(),
                "faceMatchScore", SandboxFaceComparison.similarityFor(ID.hashCode(), ID).toPlainString()));
        verify(service).handleBpmnError(eq(spoof), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "LIVENESS_FAILED", "livenessScore", "0.12")));
    }

    @Test
    void aLiveSelfieOfSomeoneElseOrACardWithoutPortraitIsAFaceMismatchNotAnIncident() {
        String liveScore = SandboxLiveness.scoreForSeed(1).toPlainString();
        platform.answersApplicant(NAME, ID, PHONE, SandboxIdCard.renderFront(NAME, ID, "北京市"),
                SandboxIdCard.renderSelfie(1));
        platform.answersApplicant(NAME, ID, PHONE, "no portrait".getBytes(StandardCharsets.UTF_8),
                SandboxIdCard.renderSelfie(7));
        ExternalTask otherPerson = FakePlatform.task(null);
        ExternalTask noPortrait = FakePlatform.task(null);
        liveness.execute(otherPerson, service);
        liveness.execute(noPortrait, service);
        verify(service).handleBpmnError(eq(otherPerson), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "FACE_MISMATCH",
                        "livenessScore", liveScore, "faceMatchScore", "0.31")));
        verify(service).handleBpmnError(eq(noPortrait), eq("IDENTITY_MISMATCH"), anyString(),
                eq(Map.of("reasonCodes", "R_IDENTITY", "identityFailure", "FACE_MISMATCH",
                        "livenessScore", SandboxLiveness.scoreForSeed(7).toPlainString(), "faceMatchScore", "0.00")));
        verify(service, never()).handleFailure(eq(otherPerson), anyString(), anyString(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void platformUnavailableIsRetriedWithOneRetryLessEachTime() {
        platform.answersApplicantWith(HttpStatus.SERVICE_UNAVAILABLE);
        platform.answersApplicantWith(HttpStatus.BAD_GATEWAY);
        ExternalTask first = FakePlatform.task(null);
        ExternalTask last = FakePlatform.task(1);
        twoFactor.execute(first, service);
        twoFactor.execute(last, service);
        verify(service).handleFailure(eq(first), anyString(), anyString(), eq(2), eq(5000L));
        // the last retry used up: the incident comes at once, no wait
        verify(service).handleFailure(eq(last), anyString(), anyString(), eq(0), eq(0L));
    }

    @Test
    void unknownApplicationIsAnIncidentAtOnce() {
        platform.answersApplicantWith(HttpStatus.NOT_FOUND);
        ExternalTask task = FakePlatform.task(null);
        ocr.execute(task, service);
        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    }
}
