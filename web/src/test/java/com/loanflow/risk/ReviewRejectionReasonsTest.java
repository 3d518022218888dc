package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.junit.jupiter.api.Test;

/**
 * The reasons a reviewer can pick in Tasklist are the ones the platform accepts and explains, and "Reject" cannot be
 * submitted without one.
 */
class ReviewRejectionReasonsTest {

    @Test
    void theReviewFormOffersExactlyTheReasonsThePlatformAccepts() throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/loan-application.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        CamundaFormField field = model.getModelElementsByType(CamundaFormField.class).stream()
                .filter(f -> ReviewRejectionReasons.FIELD.equals(f.getCamundaId())).findFirst().orElseThrow();
        assertThat(field.getCamundaType()).isEqualTo("enum");
        assertThat(field.getCamundaValues()).extracting(CamundaValue::getCamundaId)
                .containsExactlyElementsOf(ReviewRejectionReasons.CODES);
        assertThat(field.getCamundaValidation().getCamundaConstraints()).singleElement()
                .satisfies(c -> assertThat(c.getCamundaConfig()).isEqualTo("${reviewRejectionReasonValidator}"));
    }

    @Test
    void aRejectionNeedsAKnownReasonAnApprovalNone() {
        ReviewRejectionReasonValidator validator = new ReviewRejectionReasonValidator();

        assertThat(validator.validate(null, submitted("REJECT"))).isFalse();
        assertThat(validator.validate("", submitted("REJECT"))).isFalse();
        assertThat(validator.validate("R_REVIEW_REJECTED", submitted("REJECT"))).isFalse();
        assertThat(validator.validate("R_REVIEW_AFFORDABILITY", submitted("REJECT"))).isTrue();
        assertThat(validator.validate(null, submitted("APPROVE"))).isTrue();
        assertThat(validator.validate("R_REVIEW_CREDIT_HISTORY", submitted("APPROVE")))
                .as("a reason left selected on an approval is ignored").isTrue();
    }

    @Test
    void aCompletionWithoutTheFormNeedsWhatTheFormWouldHaveChecked() {
        ReviewCompletionCheck check = new ReviewCompletionCheck();

        for (Map<String, Object> refused : List.<Map<String, Object>>of(Map.of(), Map.of("reviewDecision", "MAYBE"),
                Map.of("reviewDecision", "REJECT"), Map.of("reviewDecision", "REJECT", "reviewRejectionReason", "R_X"),
                Map.of("reviewDecision", "APPROVE", "reviewComment", 13912340987L))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.notify(task(refused))).as(refused.toString())
                    .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                    .hasMessageStartingWith(com.loanflow.platform.FormValidationStatusFilter.INPUT_REFUSED)
                    .hasMessageNotContaining("13912340987").hasMessageNotContaining("MAYBE");
        }
        check.notify(task(Map.of("reviewDecision", "APPROVE", "reviewComment", "fine")));
        // the column holds 1000 characters, counted as H2 and the form count them (Java chars): 1000 pass, 1001 not,
        // and 600 characters outside the BMP (1200 Java chars, too long for H2's VARCHAR(1000)) not either
        check.notify(task(Map.of("reviewDecision", "APPROVE", "reviewComment", "核".repeat(1000))));
        for (String tooLong : List.of("a".repeat(1001), "\uD842\uDFB7".repeat(600))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.notify(task(Map.of("reviewDecision",
                            "APPROVE", "reviewComment", tooLong))))
                    .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                    .hasMessage(com.loanflow.platform.FormValidationStatusFilter.INPUT_REFUSED
                            + "reviewComment: at most 1000 characters");
        }
        check.notify(task(Map.of("reviewDecision", "REJECT", "reviewRejectionReason", "R_REVIEW_AFFORDABILITY")));
    }

    private static org.camunda.bpm.engine.delegate.DelegateTask task(Map<String, Object> variables) {
        var task = mock(org.camunda.bpm.engine.delegate.DelegateTask.class);
        when(task.getVariable(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
        return task;
    }

    private static FormFieldValidatorContext submitted(String decision) {
        FormFieldValidatorContext context = mock(FormFieldValidatorContext.class);
        when(context.getSubmittedValues()).thenReturn(Map.of("reviewDecision", decision));
        return context;
    }
}
