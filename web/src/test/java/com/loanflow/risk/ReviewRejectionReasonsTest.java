package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
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

    private static FormFieldValidatorContext submitted(String decision) {
        FormFieldValidatorContext context = mock(FormFieldValidatorContext.class);
        when(context.getSubmittedValues()).thenReturn(Map.of("reviewDecision", decision));
        return context;
    }
}
