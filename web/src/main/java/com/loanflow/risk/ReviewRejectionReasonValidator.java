package com.loanflow.risk;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorContext;
import org.springframework.stereotype.Component;

/**
 * The review form's check that a rejection comes with a reason the applicant can be told (the field's validator,
 * {@code ${reviewRejectionReasonValidator}}): Tasklist refuses to submit "Reject" without one. An approval ignores the
 * field. A task completed without its form is checked again by RecordReviewDecisionDelegate.
 */
@Component("reviewRejectionReasonValidator")
class ReviewRejectionReasonValidator implements FormFieldValidator {

    @Override
    public boolean validate(Object submittedValue, FormFieldValidatorContext context) {
        Object decision = context.getSubmittedValues().get("reviewDecision");
        return !"REJECT".equals(decision) || ReviewRejectionReasons.isReason(submittedValue);
    }
}
