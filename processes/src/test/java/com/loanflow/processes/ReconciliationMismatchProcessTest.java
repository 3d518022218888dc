package com.loanflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path through Process_ReconciliationMismatch: resolved by ops, or escalated and decided by an administrator. */
@Deployment(resources = "bpmn/reconciliation-mismatch.bpmn")
class ReconciliationMismatchProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String PROCESS = "Process_ReconciliationMismatch";
  private static final String MISMATCH_ID = "MM-0001";
  private static final String OUR_SIDE = "PAYOUT 1000.00 CNY SUCCEEDED card 6222 **** **** 0007";
  private static final String CHANNEL_SIDE = "PAYOUT 990.00 CNY SUCCEEDED card ****0007";

  private final StubDelegate recordResolution = new StubDelegate();

  @BeforeEach
  void registerPlatformBeans() {
    Mocks.register("recordMismatchResolutionDelegate", recordResolution);
  }

  @AfterEach
  void resetPlatformBeans() {
    Mocks.reset();
  }

  @Test
  void opsResolveAMismatchAndTheResolutionIsRecorded() {
    ProcessInstance mismatch = startMismatch();

    assertThat(mismatch).isWaitingAt("Task_ResolveMismatch").task().hasCandidateGroup("ops")
        .hasName("Resolve reconciliation mismatch");
    formService().submitTaskForm(task(mismatch).getId(),
        withVariables("resolution", "CORRECTED_ON_OUR_SIDE", "resolutionNote", "Fee deducted, statement right"));
    assertThat(mismatch).isWaitingAt("Task_RecordMismatchResolution");
    execute(job());

    assertThat(mismatch).isEnded().hasPassedInOrder("Task_ResolveMismatch", "Gateway_ResolutionRoute",
        "Gateway_JoinResolution", "Task_RecordMismatchResolution", "End_MismatchResolved")
        .hasNotPassed("Task_ReviewEscalatedMismatch");
    assertThat(recordResolution.calls()).isEqualTo(1);
    assertThat(recordResolution.variablesSeen()).containsEntry("resolution", "CORRECTED_ON_OUR_SIDE")
        .containsEntry("mismatchId", MISMATCH_ID);
  }

  @Test
  void anEscalatedMismatchGoesToAnAdministratorWhoDecides() {
    ProcessInstance mismatch = startMismatch();
    formService().submitTaskForm(task(mismatch).getId(), withVariables("resolution", "ESCALATE"));

    assertThat(mismatch).isWaitingAt("Task_ReviewEscalatedMismatch").task().hasCandidateGroup("camunda-admin");
    assertThat(recordResolution.calls()).isZero();
    formService().submitTaskForm(task(mismatch).getId(), withVariables("resolution", "WRITTEN_OFF"));
    execute(job());

    assertThat(mismatch).isEnded().hasPassedInOrder("Task_ResolveMismatch", "Task_ReviewEscalatedMismatch",
        "Task_RecordMismatchResolution", "End_MismatchResolved");
    assertThat(recordResolution.variablesSeen()).containsEntry("resolution", "WRITTEN_OFF");
  }

  /** What the form shows is what the process was started with; that this is masked is ReconciliationTest's (web). */
  @Test
  void theTaskShowsBothSidesAsStartedAndReadOnly() {
    ProcessInstance mismatch = startMismatch();

    List<FormField> fields = formService().getTaskFormData(task(mismatch).getId()).getFormFields();

    assertThat(fields).extracting(FormField::getId).containsExactly("statementDate", "requestId", "mismatchKind",
        "ourSide", "channelSide", "resolution", "resolutionNote");
    assertThat(fields).filteredOn(field -> constraints(field).contains("readonly")).extracting(FormField::getId)
        .containsExactly("statementDate", "requestId", "mismatchKind", "ourSide", "channelSide");
    assertThat(fields).filteredOn(field -> field.getId().equals("ourSide")).singleElement()
        .extracting(field -> field.getValue().getValue()).isEqualTo(OUR_SIDE);
    assertThat(fields).filteredOn(field -> field.getId().equals("channelSide")).singleElement()
        .extracting(field -> field.getValue().getValue()).isEqualTo(CHANNEL_SIDE);
  }

  @Test
  void aMismatchCannotBeClosedWithoutAResolution() {
    ProcessInstance mismatch = startMismatch();
    String taskId = task(mismatch).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, withVariables("resolutionNote", "looked at it")))
        .isInstanceOf(FormFieldValidatorException.class).hasMessageContaining("resolution");
    assertThat(mismatch).isWaitingAt("Task_ResolveMismatch");
  }

  private ProcessInstance startMismatch() {
    return runtimeService().startProcessInstanceByKey(PROCESS, MISMATCH_ID, Map.of("mismatchId", MISMATCH_ID,
        "statementDate", "2026-11-24", "requestId", "PO0123456789ABCDEF", "mismatchKind", "AMOUNT_MISMATCH",
        "ourSide", OUR_SIDE, "channelSide", CHANNEL_SIDE));
  }

  private static List<String> constraints(FormField field) {
    return field.getValidationConstraints().stream().map(FormFieldValidationConstraint::getName).toList();
  }
}
