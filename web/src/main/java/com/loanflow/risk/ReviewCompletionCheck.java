package com.loanflow.risk;

import static com.loanflow.platform.FormValidationStatusFilter.INPUT_REFUSED;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The review task's completion is refused (REST 400, the task stays with its timer) unless it carries a decision the
 * process can record: Tasklist's form checks this, but engine REST {@code task/{id}/complete} skips form validation,
 * and the decision was then refused only in RecordReviewDecisionDelegate's job, after the task and its five-day
 * timer were gone, leaving an incident and an application stuck in review. The messages never echo the values.
 */
@Component("reviewCompletionCheck")
class ReviewCompletionCheck implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("reviewDecision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new BadUserRequestException(INPUT_REFUSED + "reviewDecision: must be APPROVE or REJECT");
        }
        if ("REJECT".equals(decision) && !ReviewRejectionReasons.isReason(task.getVariable(ReviewRejectionReasons.FIELD))) {
            throw new BadUserRequestException(INPUT_REFUSED + ReviewRejectionReasons.FIELD + ": a rejection needs one of "
                    + ReviewRejectionReasons.CODES);
        }
        Object comment = task.getVariable("reviewComment");
        if (comment != null && !(comment instanceof String)) {
            throw new BadUserRequestException(INPUT_REFUSED + "reviewComment: must be text");
        }
        // review_decision.review_comment is VARCHAR(1000): a longer comment would fail the recording job after the
        // task and its timer are gone. Counted in Java chars as H2 and the form's maxlength count them (MySQL counts
        // code points, never more), so a comment that passes here fits every database
        if (comment instanceof String text && text.length() > MAX_COMMENT_CHARACTERS) {
            throw new BadUserRequestException(INPUT_REFUSED + "reviewComment: at most " + MAX_COMMENT_CHARACTERS
                    + " characters");
        }
    }

    static final int MAX_COMMENT_CHARACTERS = 1000;
}
