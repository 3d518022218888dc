package com.loanflow.risk;

import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.audit.AuditLog;
import com.loanflow.borrower.Borrowers;
import com.loanflow.platform.OpsApiSecurity;
import com.loanflow.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a reviewer needs to decide F_ID_CARD_UNCONFIRMED (the OCR could not confirm the ID card photo): the photo
 * itself. Only for an application routed to review with that flag, and only for the reviewer of its open review task
 * (assigned to them, or offered to one of their groups), by HTTP basic against the engine's identity service like
 * Tasklist: a review for multi-lending or a shared device is no reason to look at the card. Every view is in the
 * audit log before the image leaves, and it is never cached.
 */
@RestController
class ReviewEvidenceController {

    static final String REVIEW_TASK = "Task_ReviewApplication";

    private final IdentityService identity;
    private final TaskService tasks;
    private final Applications applications;
    private final Borrowers borrowers;
    private final AuditLog audit;
    private final RiskMapper decisions;

    ReviewEvidenceController(IdentityService identity, TaskService tasks, Applications applications,
                             Borrowers borrowers, AuditLog audit, RiskMapper decisions) {
        this.decisions = decisions;
        this.identity = identity;
        this.tasks = tasks;
        this.applications = applications;
        this.borrowers = borrowers;
        this.audit = audit;
    }

    @GetMapping("/review/v1/applications/{applicationId}/id-card-image")
    ResponseEntity<byte[]> idCardImage(@PathVariable String applicationId, HttpServletRequest request) {
        String reviewer = reviewer(request);
        List<String> groups = identity.createGroupQuery().groupMember(reviewer).list().stream().map(Group::getId)
                .toList();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationId).taskDefinitionKey(REVIEW_TASK)
                .active().list().stream()
                .filter(t -> reviewer.equals(t.getAssignee()) || t.getAssignee() == null && !groups.isEmpty()
                        && tasks.createTaskQuery().taskId(t.getId()).taskCandidateGroupIn(groups).count() == 1)
                .findFirst()
                // no open review of this application for this reviewer: nothing to see, and no hint it exists
                .orElseThrow(() -> ApiException.notFound("Review task"));
        boolean flagged = decisions.findDecision(applicationId).map(DecisionRecord::reasonCodes)
                .map(codes -> List.of(codes.split(",")).contains(ID_CARD_UNCONFIRMED)).orElse(false);
        if (!flagged) {
            throw ApiException.notFound("ID card photo to review");
        }
        LoanApplication application = applications.get(applicationId);
        byte[] image = Base64.getDecoder().decode(borrowers.applicant(application.borrowerId()).idCardFrontImage());
        // the image is read before the view is audited: a view that fails shows nothing and records nothing
        audit.record(reviewer, "ID_CARD_IMAGE_VIEWED", "LOAN_APPLICATION", applicationId,
                Map.of("taskId", task.getId(), "borrowerId", application.borrowerId()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(mediaType(image)).body(image);
    }

    static final String ID_CARD_UNCONFIRMED = "F_ID_CARD_UNCONFIRMED";

    /** The photo as it was uploaded: JPEG or PNG (the identity endpoint takes both), by its first bytes. */
    static MediaType mediaType(byte[] image) {
        return image.length >= 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8 && (image[2] & 0xFF) == 0xFF
                ? MediaType.IMAGE_JPEG : MediaType.IMAGE_PNG;
    }

    private String reviewer(HttpServletRequest request) {
        return OpsApiSecurity.engineUser(identity, request.getHeader("Authorization")).orElseThrow(() ->
                new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Reviewer credentials required"));
    }
}
