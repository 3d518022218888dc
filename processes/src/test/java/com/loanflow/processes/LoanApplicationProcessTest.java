package com.loanflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.fetchAndLock;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through Process_LoanApplication (docs/architecture.md). The platform's beans are replaced
 * by test doubles; external tasks are completed the way the workers would complete them.
 */
@Deployment(resources = "bpmn/loan-application.bpmn")
class LoanApplicationProcessTest {

  /** The build fails unless these tests together pass every flow node and sequence flow. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String PROCESS = "Process_LoanApplication";
  private static final String APPLICATION_ID = "APP-20250101-0001";
  private static final String WORKER = "process-test-worker";
  private static final Instant SUBMITTED_AT = Instant.parse("2025-01-01T09:00:00Z");

  private final RecordingApplicationStatus applicationStatus = new RecordingApplicationStatus();
  private final StubDelegate assessRisk = new StubDelegate();
  private final StubDelegate recordReviewDecision = new StubDelegate().doing(execution -> {
    if ("REJECT".equals(execution.getVariable("reviewDecision"))) {
      execution.setVariable("reasonCodes", "R_REVIEW_REJECTED," + execution.getVariable("reviewRejectionReason"));
    }
  });
  /** The platform's rule (web's ReviewRejectionReasonValidator): a rejection needs a reason, an approval none. */
  private final FormFieldValidator reviewRejectionReasonValidator = (value, context) ->
      !"REJECT".equals(context.getSubmittedValues().get("reviewDecision")) || value != null;
  /**
   * The platform's rule (web's ReviewCompletionCheck): no completion without APPROVE or REJECT, and no rejection
   * without a reason (the reasons themselves are web's to list).
   */
  private final org.camunda.bpm.engine.delegate.TaskListener reviewCompletionCheck = task -> {
    Object decision = task.getVariable("reviewDecision");
    if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
      throw new org.camunda.bpm.engine.BadUserRequestException("reviewDecision: must be APPROVE or REJECT");
    }
    if ("REJECT".equals(decision) && task.getVariable("reviewRejectionReason") == null) {
      throw new org.camunda.bpm.engine.BadUserRequestException("reviewRejectionReason: a rejection needs one");
    }
  };
  private final StubDelegate rejectApplication = new StubDelegate();
  private final StubDelegate setCreditTerms = new StubDelegate()
      .setting("creditLimit", "1000.00")
      .setting("aprPercent", "18.25")
      .setting("approvedAmount", "1000.00");
  private final StubDelegate prepareContract = new StubDelegate().setting("contractId", "CT-0001");
  private final StubDelegate cancelApplication = new StubDelegate();
  private final StubDelegate activateLoan = new StubDelegate().setting("loanId", "LN-0001");
  private final StubDelegate recordDisbursementFailure = new StubDelegate();
  /** The platform's IdCardCheckRecorder: the OCR worker's verdict as Task_OcrIdCard ends, in the completion's transaction. */
  private final java.util.List<Object> idCardVerdicts = new java.util.ArrayList<>();
  private final org.camunda.bpm.engine.delegate.ExecutionListener idCardCheckRecorder =
      execution -> idCardVerdicts.add(execution.getVariable("idCardOcrMatched"));

  @BeforeEach
  void registerPlatformBeans() {
    ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));
    Mocks.register("applicationStatus", applicationStatus);
    Mocks.register("idCardCheckRecorder", idCardCheckRecorder);
    Mocks.register("assessRiskDelegate", assessRisk);
    Mocks.register("recordReviewDecisionDelegate", recordReviewDecision);
    Mocks.register("reviewRejectionReasonValidator", reviewRejectionReasonValidator);
    Mocks.register("reviewCompletionCheck", reviewCompletionCheck);
    Mocks.register("rejectApplicationDelegate", rejectApplication);
    Mocks.register("setCreditTermsDelegate", setCreditTerms);
    Mocks.register("prepareContractDelegate", prepareContract);
    Mocks.register("cancelApplicationDelegate", cancelApplication);
    Mocks.register("activateLoanDelegate", activateLoan);
    Mocks.register("recordDisbursementFailureDelegate", recordDisbursementFailure);
  }

  @AfterEach
  void resetPlatformBeans() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void approvedApplicationIsDisbursedAndSettled() {
    riskAssessmentWillBe("APPROVE", "", null);
    ProcessInstance application = submitApplication();

    passIdentityVerification(application);
    queryCreditBureauAndAssessRisk(application);
    setCreditTerms(application);
    prepareAndSignContract(application);
    sendPayout(application);

    correlate("PayoutSucceeded");
    assertThat(application).isWaitingAt("Task_ActivateLoan");
    execute(job());
    assertThat(application).isWaitingAt("Task_AwaitSettlement")
        .variables().containsEntry("loanId", "LN-0001").containsEntry("contractId", "CT-0001")
        .containsEntry("approvedAmount", "1000.00");

    correlate("LoanSettled");
    assertThat(application).isEnded().hasPassedInOrder(
        "SubProcess_VerifyIdentity", "Task_QueryCreditBureau", "Task_AssessRisk", "Task_SetCreditTerms",
        "Task_PrepareContract", "Task_AwaitContractSignature", "Task_SendPayout", "Event_PayoutSucceeded",
        "Task_ActivateLoan", "Task_AwaitSettlement", "End_LoanSettled");
    assertThat(application).hasNotPassed("Task_ReviewApplication", "Task_RejectApplication");
    assertThat(applicationStatus.statuses())
        .containsExactly("VERIFYING", "ASSESSING", "DISBURSING");
    assertThat(activateLoan.calls()).isEqualTo(1);
  }

  @Test
  void applicationApprovedByReviewerIsDisbursed() {
    ProcessInstance application = assessedAs("REVIEW", "", "senior-reviewers");

    assertThat(application).isWaitingAt("Task_ReviewApplication").task()
        .hasCandidateGroup("senior-reviewers").hasName("Review application");
    submitReview("APPROVE", "Stable income, utilisation explained");
    // the reviewer's completion commits on its own: recording and pricing run as jobs (retried, never lost)
    assertThat(application).isWaitingAt("Task_RecordReviewDecision");
    execute(job());
    assertThat(application).isWaitingAt("Task_SetCreditTerms");
    execute(job());

    assertThat(application).hasPassedInOrder("Task_RecordReviewDecision", "Task_SetCreditTerms")
        .isWaitingAt("Task_PrepareContract");
    assertThat(recordReviewDecision.variablesSeen())
        .contains(entry("reviewDecision", "APPROVE"), entry("reviewComment", "Stable income, utilisation explained"),
            entry("reviewedBy", "reviewer1"));
    prepareAndSignContract(application);
    sendPayout(application);
    assertThat(applicationStatus.statuses())
        .containsExactly("VERIFYING", "ASSESSING", "IN_REVIEW", "DISBURSING");
  }

  @Test
  void applicationRejectedByReviewerIsRejectedWithReviewReasonCode() {
    ProcessInstance application = assessedAs("REVIEW", "", "reviewers");

    assertThat(application).isWaitingAt("Task_ReviewApplication").task().hasCandidateGroup("reviewers");
    submitReview("REJECT", "Income could not be confirmed");
    assertThat(application).isWaitingAt("Task_RecordReviewDecision");
    execute(job());
    assertThat(application).isWaitingAt("Task_RejectApplication");
    execute(job());

    assertThat(application).isEnded()
        .hasPassedInOrder("Task_RecordReviewDecision", "Gateway_JoinRejection", "Task_RejectApplication",
            "End_ApplicationRejected")
        .hasNotPassed("Task_SetCreditTerms");
    assertThat(rejectApplication.variablesSeen())
        .containsEntry("reasonCodes", "R_REVIEW_REJECTED,R_REVIEW_AFFORDABILITY");
  }

  @Test
  void reviewTaskShowsOnlyMaskedDataAndTheRiskAssessmentReadOnly() {
    ProcessInstance application = assessedAs("REVIEW", "", "reviewers");
    assertThat(application).isWaitingAt("Task_ReviewApplication");

    List<FormField> fields = formService().getTaskFormData(task().getId()).getFormFields();

    assertThat(fields).extracting(FormField::getId).containsExactly(
        "applicationId", "maskedName", "maskedIdNumber", "requestedAmount", "termMonths",
        "defaultProbability", "riskTier", "reasonCodes", "reasonsExplained", "adverseFactorsExplained",
        "offeredTerms", "platformRecord", "reviewDecision", "reviewRejectionReason", "reviewComment");
    assertThat(fields).filteredOn(field -> constraints(field).contains("readonly"))
        .extracting(FormField::getId).containsExactly(
            "applicationId", "maskedName", "maskedIdNumber", "requestedAmount", "termMonths",
            "defaultProbability", "riskTier", "reasonCodes", "reasonsExplained", "adverseFactorsExplained",
            "offeredTerms", "platformRecord");
    assertThat(fields).filteredOn(field -> field.getId().equals("reviewDecision"))
        .singleElement().satisfies(decision -> {
          assertThat(decision.getTypeName()).isEqualTo("enum");
          assertThat(constraints(decision)).containsExactly("required");
        });
    assertThat(fields).filteredOn(field -> field.getId().equals("maskedIdNumber"))
        .singleElement().extracting(field -> field.getValue().getValue()).isEqualTo("1101**********0011");
  }

  @Test
  void aRejectionCannotBeSubmittedWithoutAReasonForTheApplicant() {
    ProcessInstance application = assessedAs("REVIEW", "", "reviewers");
    String reviewTaskId = task().getId();
    FormField reason = formService().getTaskFormData(reviewTaskId).getFormFields().stream()
        .filter(field -> field.getId().equals("reviewRejectionReason")).findFirst().orElseThrow();
    assertThat(reason.getTypeName()).isEqualTo("enum");

    assertThatThrownBy(() -> formService().submitTaskForm(reviewTaskId,
        withVariables("reviewDecision", "REJECT", "reviewComment", "No")))
        .isInstanceOf(FormFieldValidatorException.class)
        .hasMessageContaining("reviewRejectionReason");
    assertThatThrownBy(() -> formService().submitTaskForm(reviewTaskId,
        withVariables("reviewDecision", "REJECT", "reviewRejectionReason", "R_MADE_UP")))
        .as("only the listed reasons").hasMessageContaining("Invalid value for enum form property: R_MADE_UP");
    assertThat(application).isWaitingAt("Task_ReviewApplication");
  }

  @Test
  void reviewCannotBeCompletedWithoutADecision() {
    ProcessInstance application = assessedAs("REVIEW", "", "reviewers");
    assertThat(application).isWaitingAt("Task_ReviewApplication");
    String reviewTaskId = task().getId();

    assertThatThrownBy(() -> formService().submitTaskForm(reviewTaskId, withVariables("reviewComment", "Looks fine")))
        .isInstanceOf(FormFieldValidatorException.class)
        .hasMessageContaining("reviewDecision");
    assertThat(application).isWaitingAt("Task_ReviewApplication");
  }

  @Test
  void aCompletionWithoutTheFormIsRefusedAndTheTaskAndItsTimerStay() {
    ProcessInstance application = assessedAs("REVIEW", "", "reviewers");
    String reviewTaskId = task().getId();

    // engine REST task/{id}/complete: no form validation, so the task's own listener refuses it
    assertThatThrownBy(() -> taskService().complete(reviewTaskId, withVariables("reviewComment", "ok")))
        .hasMessageContaining("reviewDecision: must be APPROVE or REJECT");

    assertThat(application).isWaitingAt("Task_ReviewApplication");
    assertThat(task()).hasId(reviewTaskId);
    assertThat(managementService().createJobQuery().processInstanceId(application.getId()).timers().count())
        .as("the review's timeout still runs").isEqualTo(1);
    assertThat(recordReviewDecision.calls()).isZero();
  }

  @Test
  void applicationWithoutReviewDecisionIsCancelledAfterFiveDays() {
    ProcessInstance application = assessedAs("REVIEW", "", "reviewers");
    assertThat(application).isWaitingAt("Task_ReviewApplication");

    Job reviewTimeout = job("Event_ReviewTimeout");
    assertThat(reviewTimeout).hasDueDate(daysAfterSubmission(5));
    ClockUtil.setCurrentTime(daysAfterSubmission(5));
    execute(reviewTimeout);

    assertThat(application).isEnded()
        .hasPassedInOrder("Event_ReviewTimeout", "Gateway_JoinCancellation", "Task_CancelApplication",
            "End_ApplicationCancelled")
        .hasNotPassed("Task_RecordReviewDecision");
    assertThat(cancelApplication.variablesSeen())
        .containsEntry("cancellationReason", "R_REVIEW_TIMEOUT");
  }

  @Test
  void applicationRejectedByRiskAssessmentIsRejectedWithoutReview() {
    ProcessInstance application = assessedAs("REJECT", "R_MULTI_LENDING", null);
    // the decision record commits before the rejection runs
    assertThat(application).isWaitingAt("Task_RejectApplication");
    execute(job());

    assertThat(application).isEnded()
        .hasPassedInOrder("Task_AssessRisk", "Gateway_RiskRoute", "Gateway_JoinRejection", "Task_RejectApplication",
            "End_ApplicationRejected")
        .hasNotPassed("Task_ReviewApplication", "Task_SetCreditTerms");
    assertThat(rejectApplication.variablesSeen())
        .containsEntry("reasonCodes", "R_MULTI_LENDING");
  }

  @Test
  void applicantWhoseIdentityDoesNotMatchIsRejectedBeforeTheBureauIsQueried() {
    ProcessInstance application = submitApplication();
    assertThat(application).isWaitingAt("SubProcess_VerifyIdentity");
    execute(job());
    assertThat(application).isWaitingAt("Task_OcrIdCard");
    complete(externalTask());
    assertThat(application).isWaitingAt("Task_VerifyIdTwoFactor");

    LockedExternalTask twoFactorCheck = fetchAndLock("verify-id-two-factor", WORKER, 1).get(0);
    externalTaskService().handleBpmnError(twoFactorCheck.getId(), WORKER, "IDENTITY_MISMATCH",
        "Name does not match ID number", withVariables("reasonCodes", "R_IDENTITY"));
    // the worker's BPMN error commits with the task; the rejection runs as a job of its own
    assertThat(application).isWaitingAt("Task_RejectApplication");
    execute(job());

    assertThat(application).isEnded()
        .hasPassedInOrder("Event_IdentityMismatch", "Gateway_JoinRejection", "Task_RejectApplication",
            "End_ApplicationRejected")
        .hasNotPassed("Task_VerifyCarrierThreeFactor", "Task_QueryCreditBureau", "Task_AssessRisk");
    assertThat(rejectApplication.variablesSeen())
        .containsEntry("reasonCodes", "R_IDENTITY");
    assertThat(applicationStatus.statuses()).containsExactly("VERIFYING");
  }

  @Test
  void aCarrierOrLivenessMismatchLaterInTheChecksRejectsTheSameWay() {
    // the carrier's three factors, then liveness: each check's IDENTITY_MISMATCH leaves the subprocess for the
    // rejection, with the checks after it never run
    String[][] cases = {{"Task_VerifyCarrierThreeFactor", "verify-carrier-three-factor", "Task_CheckLiveness"},
        {"Task_CheckLiveness", "check-liveness", "Task_QueryCreditBureau"}};
    for (String[] mismatchAt : cases) {
      ProcessInstance application = submitApplication();
      execute(job());
      completeExternalTask(application, "Task_OcrIdCard", "ocr-id-card");
      completeExternalTask(application, "Task_VerifyIdTwoFactor", "verify-id-two-factor");
      if (mismatchAt[0].equals("Task_CheckLiveness")) {
        completeExternalTask(application, "Task_VerifyCarrierThreeFactor", "verify-carrier-three-factor");
      }
      assertThat(application).isWaitingAt(mismatchAt[0]);

      LockedExternalTask check = fetchAndLock(mismatchAt[1], WORKER, 1).get(0);
      externalTaskService().handleBpmnError(check.getId(), WORKER, "IDENTITY_MISMATCH", "Mismatch",
          withVariables("reasonCodes", "R_IDENTITY"));
      assertThat(application).isWaitingAt("Task_RejectApplication");
      execute(job());

      assertThat(application).as(mismatchAt[0]).isEnded()
          .hasPassedInOrder(mismatchAt[0], "Event_IdentityMismatch", "Task_RejectApplication",
              "End_ApplicationRejected")
          .hasNotPassed(mismatchAt[2], "Task_AssessRisk");
      assertThat(rejectApplication.variablesSeen()).containsEntry("reasonCodes", "R_IDENTITY");
    }
  }

  @Test
  void approvedApplicationIsCancelledWhenContractIsNotSignedWithinSevenDays() {
    ProcessInstance application = assessedAs("APPROVE", "", null);
    setCreditTerms(application);
    assertThat(application).isWaitingAt("Task_PrepareContract");
    execute(job());
    assertThat(application).isWaitingAt("Task_AwaitContractSignature");

    Job signatureTimeout = job("Event_SignatureTimeout");
    assertThat(signatureTimeout).hasDueDate(daysAfterSubmission(7));
    ClockUtil.setCurrentTime(daysAfterSubmission(7));
    execute(signatureTimeout);

    assertThat(application).isEnded()
        .hasPassedInOrder("Event_SignatureTimeout", "Gateway_JoinCancellation", "Task_CancelApplication",
            "End_ApplicationCancelled")
        .hasNotPassed("Task_SendPayout");
    assertThat(cancelApplication.variablesSeen())
        .containsEntry("cancellationReason", "R_CONTRACT_NOT_SIGNED");
  }

  @Test
  void borrowerWithdrawsWhileTheApplicationIsInReview() {
    ProcessInstance application = assessedAs("REVIEW", "R_BORDERLINE_SCORE", "reviewers");
    assertThat(application).isWaitingAt("Task_ReviewApplication");

    correlate("ApplicationWithdrawn");

    // in the borrower's own request: the review task is gone and the application is cancelled at once
    assertThat(application).isEnded()
        .hasPassedInOrder("Event_WithdrawnInReview", "Gateway_JoinCancellation", "Task_CancelApplication",
            "End_ApplicationCancelled")
        .hasNotPassed("Task_RecordReviewDecision", "Task_SetCreditTerms");
    assertThat(taskService().createTaskQuery().processInstanceId(application.getId()).count()).isZero();
    assertThat(cancelApplication.variablesSeen())
        .containsEntry("cancellationReason", "R_WITHDRAWN_BY_BORROWER");
  }

  @Test
  void borrowerWithdrawsAnApprovedApplicationBeforeSigning() {
    ProcessInstance application = assessedAs("APPROVE", "", null);
    setCreditTerms(application);
    execute(job());
    assertThat(application).isWaitingAt("Task_AwaitContractSignature");

    correlate("ApplicationWithdrawn");

    assertThat(application).isEnded()
        .hasPassedInOrder("Event_WithdrawnBeforeSigning", "Gateway_JoinCancellation", "Task_CancelApplication",
            "End_ApplicationCancelled")
        .hasNotPassed("Task_SendPayout", "Event_SignatureTimeout");
    assertThat(cancelApplication.variablesSeen())
        .containsEntry("cancellationReason", "R_WITHDRAWN_BY_BORROWER");
    assertThat(managementService().createJobQuery().processInstanceId(application.getId()).count())
        .as("the signature timer went with the task").isZero();
  }

  @Test
  void aWithdrawalHasNothingToCatchOnceTheContractIsSigned() {
    ProcessInstance application = assessedAs("APPROVE", "", null);
    setCreditTerms(application);
    prepareAndSignContract(application);

    // the platform refuses a withdrawal after signing (409); the model has no event for it either
    assertThatThrownBy(() -> correlate("ApplicationWithdrawn"))
        .isInstanceOf(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class);
    assertThat(application).isNotEnded();
  }

  @Test
  void failedPayoutEndsInDisbursementFailureWithoutActivatingTheLoan() {
    ProcessInstance application = assessedAs("APPROVE", "", null);
    setCreditTerms(application);
    prepareAndSignContract(application);
    sendPayout(application);

    correlate("PayoutFailed");
    // the channel's callback transaction ends at the message; recording the failure is a job of its own
    assertThat(application).isWaitingAt("Task_RecordDisbursementFailure");
    assertThat(recordDisbursementFailure.calls()).isZero();
    execute(job());

    assertThat(application).isEnded()
        .hasPassedInOrder("Event_PayoutFailed", "Task_RecordDisbursementFailure", "End_DisbursementFailed")
        .hasNotPassed("Event_PayoutSucceeded", "Task_ActivateLoan");
    assertThat(recordDisbursementFailure.calls()).isEqualTo(1);
    assertThat(activateLoan.calls()).isZero();
  }

  @Test
  void aPayoutTheChannelRefusesOutrightEndsInDisbursementFailureWithItsCode() {
    ProcessInstance application = assessedAs("APPROVE", "", null);
    setCreditTerms(application);
    prepareAndSignContract(application);
    assertThat(application).isWaitingAt("Task_SendPayout");
    execute(job());

    // the channel answers 400 (the card was closed since the application): the worker records the disbursement
    // FAILED and throws PAYOUT_REFUSED with the channel's code, instead of leaving an incident
    LockedExternalTask payout = fetchAndLock("send-payout", WORKER, 1).get(0);
    externalTaskService().handleBpmnError(payout.getId(), WORKER, "PAYOUT_REFUSED", "Channel refused payout: 400",
        withVariables("payoutFailureCode", "CARD_INVALID"));
    assertThat(application).isWaitingAt("Task_RecordDisbursementFailure");
    execute(job());

    assertThat(application).isEnded()
        .hasPassedInOrder("Event_PayoutRefused", "Task_RecordDisbursementFailure", "End_DisbursementFailed")
        .hasNotPassed("Gateway_AwaitPayoutResult", "Task_ActivateLoan");
    assertThat(recordDisbursementFailure.calls()).isEqualTo(1);
    assertThat(recordDisbursementFailure.variablesSeen()).containsEntry("payoutFailureCode", "CARD_INVALID");
    assertThat(activateLoan.calls()).isZero();
  }

  // --- steps, in the order the process takes them ---

  private ProcessInstance submitApplication() {
    ProcessInstance application = runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION_ID, withVariables(
        "applicationId", APPLICATION_ID,
        "borrowerId", "BRW-0001",
        "maskedName", "张*",
        "maskedPhone", "138****0001",
        "maskedIdNumber", "1101**********0011",
        "requestedAmount", "1000.00",
        "termMonths", 6));
    assertThat(application).isStarted().hasBusinessKey(APPLICATION_ID);
    return application;
  }

  /** An application submitted, its identity verified and its risk assessed with this outcome. */
  private ProcessInstance assessedAs(String outcome, String reasonCodes, String reviewGroup) {
    riskAssessmentWillBe(outcome, reasonCodes, reviewGroup);
    ProcessInstance application = submitApplication();
    passIdentityVerification(application);
    queryCreditBureauAndAssessRisk(application);
    return application;
  }

  private void riskAssessmentWillBe(String outcome, String reasonCodes, String reviewGroup) {
    assessRisk.setting("riskOutcome", outcome)
        .setting("reasonCodes", reasonCodes)
        .setting("defaultProbability", "0.0312")
        .setting("riskTier", "B")
        .setting("reviewGroup", reviewGroup);
  }

  private void passIdentityVerification(ProcessInstance application) {
    assertThat(application).isWaitingAt("SubProcess_VerifyIdentity");
    execute(job());
    assertThat(application).isWaitingAt("Task_OcrIdCard").externalTask().hasTopicName("ocr-id-card");
    assertThat(idCardVerdicts).isEmpty();
    complete(externalTask(), withVariables("idCardOcrMatched", true));
    assertThat(idCardVerdicts).containsExactly(true);
    completeExternalTask(application, "Task_VerifyIdTwoFactor", "verify-id-two-factor");
    completeExternalTask(application, "Task_VerifyCarrierThreeFactor", "verify-carrier-three-factor");
    completeExternalTask(application, "Task_CheckLiveness", "check-liveness");
  }

  private void queryCreditBureauAndAssessRisk(ProcessInstance application) {
    // the identity checks committed with the last worker's completion; the bureau step starts in a job of its own
    assertThat(application).isWaitingAt("Task_QueryCreditBureau");
    assertThat(job()).isNotNull();
    execute(job());
    assertThat(application).isWaitingAt("Task_QueryCreditBureau").externalTask().hasTopicName("query-credit-bureau");
    complete(externalTask(), withVariables("creditReportId", "CR-0001"));
    assertThat(application).isWaitingAt("Task_AssessRisk");
    execute(job());
    // the decision commits on its own (asyncAfter): a failure in what follows it (the review task's IN_REVIEW
    // status, its timer) retries that, not the decision
    assertThat(assessRisk.calls()).isEqualTo(1);
    assertThat(applicationStatus.statuses()).as("the review task's status change is not in the decision's transaction")
        .doesNotContain("IN_REVIEW");
    org.camunda.bpm.engine.runtime.Job afterTheDecision = managementService().createJobQuery()
        .processInstanceId(application.getId()).activityId("Task_AssessRisk").singleResult();
    assertThat(afterTheDecision).as("the continuation after Task_AssessRisk").isNotNull();
    assertThat(managementService().createJobQuery().processInstanceId(application.getId()).count()).isEqualTo(1);
    execute(afterTheDecision);
    assertThat(assessRisk.calls()).isEqualTo(1);
  }

  private void setCreditTerms(ProcessInstance application) {
    // the risk decision commits before pricing runs as a job of its own
    assertThat(application).isWaitingAt("Task_SetCreditTerms");
    execute(job());
  }

  private void submitReview(String decision, String comment) {
    identityService().setAuthenticatedUserId("reviewer1");
    try {
      formService().submitTaskForm(task().getId(), "REJECT".equals(decision)
          ? withVariables("reviewDecision", decision, "reviewRejectionReason", "R_REVIEW_AFFORDABILITY",
              "reviewComment", comment)
          : withVariables("reviewDecision", decision, "reviewComment", comment));
    } finally {
      identityService().clearAuthentication();
    }
  }

  private void prepareAndSignContract(ProcessInstance application) {
    assertThat(application).isWaitingAt("Task_PrepareContract");
    execute(job());
    assertThat(application).isWaitingAt("Task_AwaitContractSignature");
    correlate("ContractSigned");
  }

  private void sendPayout(ProcessInstance application) {
    assertThat(application).isWaitingAt("Task_SendPayout");
    execute(job());
    completeExternalTask(application, "Task_SendPayout", "send-payout");
    assertThat(application).isWaitingAt("Gateway_AwaitPayoutResult");
  }

  private void completeExternalTask(ProcessInstance application, String activityId, String topic) {
    assertThat(application).isWaitingAt(activityId).externalTask().hasTopicName(topic);
    complete(externalTask());
  }

  private void correlate(String messageName) {
    runtimeService().createMessageCorrelation(messageName).processInstanceBusinessKey(APPLICATION_ID).correlate();
  }

  private static Date daysAfterSubmission(int days) {
    return Date.from(SUBMITTED_AT.plus(Duration.ofDays(days)));
  }

  private static List<String> constraints(FormField field) {
    return field.getValidationConstraints().stream().map(FormFieldValidationConstraint::getName).toList();
  }
}
