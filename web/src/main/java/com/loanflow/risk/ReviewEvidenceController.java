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
 * itself. Only for the reviewer of an open review task of that application (assigned to them, or offered to one of
 * their groups), by HTTP basic against the engine's identity service like Tasklist; every view is in the audit log
 * before the image leaves, and it is never cached.
 */
@RestController
class ReviewEvidenceController {

    static final String REVIEW_TASK = "Task_ReviewApplication";

    private final IdentityService identity;
    private final TaskService tasks;
    private final Applications applications;
    private final Borrowers borrowers;
    private final AuditLog audit;

    ReviewEvidenceController(IdentityService identity, TaskService tasks, Applications applications,
                             Borrowers borrowers, AuditLog audit) {
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
        LoanApplication application = applications.get(applicationId);
        audit.record(reviewer, "ID_CARD_IMAGE_VIEWED", "LOAN_APPLICATION", applicationId,
                Map.of("taskId", task.getId(), "borrowerId", application.borrowerId()));
        byte[] image = Base64.getDecoder().decode(borrowers.applicant(application.borrowerId()).idCardFrontImage());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(image);
    }

    private String reviewer(HttpServletRequest request) {
        return OpsApiSecurity.engineUser(identity, request.getHeader("Authorization")).orElseThrow(() ->
                new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Reviewer credentials required"));
    }
}
