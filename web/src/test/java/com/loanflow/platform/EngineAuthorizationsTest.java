package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what through the engine REST API and the webapps. Two applications wait at Task_ReviewApplication, one
 * routed to reviewers and one to senior reviewers (started there directly; the whole flow up to the review, and the
 * review's completion by reviewer1, is LoanFlowEndToEndTest's). The first also has an open incident and a timer job.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAuthorizationsTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;

    @Value("${loanflow.engine.username}")
    String workerUser;
    @Value("${loanflow.engine.password}")
    String workerPassword;

    EngineHttp http;
    ProcessInstance forReviewers;
    ProcessInstance forSeniorReviewers;
    String reviewTask;
    String seniorReviewTask;
    String timerJob;

    @BeforeAll
    void applicationsWaitingForReview() {
        http = new EngineHttp(port);
        forReviewers = waitingForReview("reviewers");
        forSeniorReviewers = waitingForReview("senior-reviewers");
        var task = tasks.createTaskQuery().processInstanceId(forReviewers.getId()).singleResult();
        reviewTask = task.getId();
        seniorReviewTask = tasks.createTaskQuery().processInstanceId(forSeniorReviewers.getId()).singleResult().getId();
        timerJob = management.createJobQuery().processInstanceId(forReviewers.getId()).singleResult().getId();
        runtime.createIncident("loanflow-authorization-test", task.getExecutionId(), "probe");
    }

    @AfterAll
    void removeThem() {
        for (ProcessInstance instance : List.of(forReviewers, forSeniorReviewers)) {
            runtime.deleteProcessInstance(instance.getId(), "authorization test done", true, true);
        }
    }

    private ProcessInstance waitingForReview(String reviewGroup) {
        String applicationId = "authz-" + UUID.randomUUID();
        // skip the IN_REVIEW status listener: these applications exist only in the engine
        return runtime.createProcessInstanceByKey("Process_LoanApplication").businessKey(applicationId)
                .setVariables(Map.of("applicationId", applicationId, "reviewGroup", reviewGroup,
                        "maskedName", "测*", "maskedIdNumber", "1101**********0011", "riskTier", "C",
                        "reasonCodes", "R_BORDERLINE_SCORE"))
                .startBeforeActivity("Task_ReviewApplication").execute(true, true);
    }

    @Test
    void reviewersSeeAndWorkOnlyTheReviewsRoutedToTheirGroup() {
        assertThat(taskIds("reviewer1", forReviewers)).containsExactly(reviewTask);
        assertThat(taskIds("reviewer1", forSeniorReviewers)).isEmpty();
        assertThat(taskIds("senior1", forSeniorReviewers)).containsExactly(seniorReviewTask);
        assertThat(taskIds("senior1", forReviewers)).isEmpty();

        assertThat(asUser("reviewer1", "GET", "/task/" + reviewTask + "/form-variables", null).json()
                .path("maskedIdNumber").path("value").asText()).isEqualTo("1101**********0011");
        assertThat(asUser("reviewer1", "POST", "/task/" + reviewTask + "/claim", Map.of("userId", "reviewer1"))
                .status()).isEqualTo(204);
        assertThat(authorizations.isUserAuthorized("reviewer1", List.of("reviewers"), Permissions.UPDATE,
                Resources.TASK, reviewTask)).as("may complete it").isTrue();

        assertThat(asUser("reviewer1", "POST", "/task/" + seniorReviewTask + "/complete", approval()).status())
                .isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(seniorReviewTask).count()).isOne();
    }

    @Test
    void aReviewClaimedByOneReviewerIsNotCompletedByAColleague() {
        var colleague = identity.newUser("reviewer-colleague");
        colleague.setPassword("reviewer-colleague");
        identity.saveUser(colleague);
        identity.createMembership("reviewer-colleague", "reviewers");
        try {
            tasks.setAssignee(reviewTask, "reviewer1");
            assertThat(taskIds("reviewer-colleague", forReviewers)).as("the group still sees it").containsExactly(reviewTask);
            assertThat(asUser("reviewer-colleague", "POST", "/task/" + reviewTask + "/complete", approval()).status())
                    .isEqualTo(403);
            assertThat(asUser("reviewer-colleague", "POST", "/task/" + reviewTask + "/submit-form", approval())
                    .status()).isEqualTo(403);
            assertThat(tasks.createTaskQuery().taskId(reviewTask).singleResult().getAssignee()).isEqualTo("reviewer1");
            assertThat(asUser("reviewer-colleague", "POST", "/task/" + reviewTask + "/claim",
                    Map.of("userId", "reviewer-colleague")).status()).as("already claimed").isNotEqualTo(204);
        } finally {
            identity.deleteUser("reviewer-colleague");
        }
    }

    @Test
    void aReviewerCannotHandleIncidentsManageUsersOrDeploy() {
        assertThat(asUser("reviewer1", "GET", "/incident?processInstanceId=" + forReviewers.getId(), null).json())
                .isEmpty();
        assertThat(asUser("reviewer1", "PUT", "/job/" + timerJob + "/retries", Map.of("retries", 2)).status())
                .isEqualTo(403);

        assertThat(asUser("reviewer1", "POST", "/user/create", Map.of(
                "profile", Map.of("id", "mallory", "firstName", "M", "lastName", "X", "email", "m@example.com"),
                "credentials", Map.of("password", "mallory-Passw0rd"))).status()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
        assertThat(asUser("reviewer1", "PUT", "/group/ops/members/reviewer1", null).status()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("reviewer1").memberOfGroup("ops").count()).isZero();

        long deployments = repository.createDeploymentQuery().count();
        assertThat(deploy("reviewer1").status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void opsHandleIncidentsButCannotDecideAReview() {
        assertThat(asUser("ops1", "GET", "/incident?processInstanceId=" + forReviewers.getId(), null).json())
                .hasSize(1);
        assertThat(asUser("ops1", "PUT", "/job/" + timerJob + "/retries", Map.of("retries", 2)).status())
                .isEqualTo(204);
        assertThat(authorizations.isUserAuthorized("ops1", List.of("ops"), Permissions.UPDATE,
                Resources.PROCESS_INSTANCE, forReviewers.getId())).as("may set external task retries").isTrue();
        assertThat(asUser("ops1", "GET", "/history/process-instance?processInstanceId=" + forReviewers.getId(), null)
                .json()).hasSize(1);

        assertThat(taskIds("ops1", forReviewers)).isEmpty();
        // unclaimed, so that the engine's own permission check answers (not the claimed-task interceptor)
        tasks.setAssignee(reviewTask, null);
        assertThat(asUser("ops1", "POST", "/task/" + reviewTask + "/claim", Map.of("userId", "ops1")).status())
                .isEqualTo(403);
        assertThat(asUser("ops1", "POST", "/task/" + reviewTask + "/complete", approval()).status()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(reviewTask).count()).as("still waiting for a reviewer").isOne();
        assertThat(deploy("ops1").status()).isEqualTo(403);
    }

    @Test
    void theWorkerWorksExternalTasksOfTheLoanProcessButNoUserTask() {
        EngineHttp.Response fetched = http.engine("POST", "/external-task/fetchAndLock", workerUser, workerPassword,
                Map.of("workerId", "authorization-test", "maxTasks", 1,
                        "topics", List.of(Map.of("topicName", "authorization-test-topic", "lockDuration", 1000))));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEmpty();
        for (var permission : List.of(ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE)) {
            assertThat(authorizations.isUserAuthorized(workerUser, List.of("workers"), permission,
                    Resources.PROCESS_DEFINITION, "Process_LoanApplication")).as(permission.getName()).isTrue();
        }

        assertThat(http.engine("GET", "/task?processInstanceId=" + forReviewers.getId(), workerUser, workerPassword,
                null).json()).isEmpty();
        tasks.setAssignee(reviewTask, null);   // the engine's permission check answers, not the claimed-task check
        assertThat(http.engine("POST", "/task/" + reviewTask + "/complete", workerUser, workerPassword, approval())
                .status()).isEqualTo(403);
        assertThat(authorizations.isUserAuthorized(workerUser, List.of("workers"),
                ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, "Process_Other"))
                .as("no other process").isFalse();
        assertThat(http.engine("POST", "/user/create", workerUser, workerPassword, Map.of(
                "profile", Map.of("id", "mallory", "firstName", "M", "lastName", "X", "email", "m@example.com"),
                "credentials", Map.of("password", "mallory-Passw0rd"))).status()).isEqualTo(403);
    }

    @Test
    void camundaAdminKeepsEverything() {
        assertThat(asUser("admin", "GET", "/incident?processInstanceId=" + forReviewers.getId(), null).json())
                .hasSize(1);
        assertThat(asUser("admin", "GET", "/task?processInstanceId=" + forSeniorReviewers.getId(), null).json())
                .hasSize(1);
    }

    @Test
    void aBorrowerTokenNeverReachesTheEngine() {
        String phone = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        assertThat(http.send(http.request("/api/v1/borrowers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EngineHttp.write(Map.of("phone", phone,
                        "password", "Passw0rd!authz", "consents", List.of(
                                Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                                Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                                Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                                Map.of("type", "FACE_RECOGNITION", "version", "1.0"))))))
                .build()).status()).isEqualTo(201);
        String token = http.send(http.request("/api/v1/sessions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EngineHttp.write(Map.of("phone", phone,
                        "password", "Passw0rd!authz")))).build()).json().path("token").asText();
        assertThat(token).isNotBlank();

        for (String path : List.of("/task", "/incident", "/process-instance", "/external-task")) {
            assertThat(http.send(http.request("/engine-rest" + path).header("Authorization", "Bearer " + token)
                    .GET().build()).status()).as(path).isEqualTo(401);
        }
        assertThat(http.engine("GET", "/task", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void aReviewerLogsInToTasklistOnlyAndOpsToCockpitAndTasklist() {
        assertThat(new EngineHttp(port).webappLogin("tasklist", "reviewer1", "reviewer1").status()).isEqualTo(200);
        assertThat(new EngineHttp(port).webappLogin("cockpit", "reviewer1", "reviewer1").status()).isIn(401, 403);
        assertThat(new EngineHttp(port).webappLogin("admin", "reviewer1", "reviewer1").status()).isIn(401, 403);

        assertThat(new EngineHttp(port).webappLogin("cockpit", "ops1", "ops1").status()).isEqualTo(200);
        assertThat(new EngineHttp(port).webappLogin("tasklist", "ops1", "ops1").status()).isEqualTo(200);
        assertThat(new EngineHttp(port).webappLogin("admin", "ops1", "ops1").status()).isIn(401, 403);

        assertThat(new EngineHttp(port).webappLogin("cockpit", workerUser, workerPassword).status()).isIn(401, 403);
        assertThat(new EngineHttp(port).webappLogin("tasklist", workerUser, workerPassword).status()).isIn(401, 403);
        // the welcome app takes any engine user, and its session opens the webapps' engine API on the public port:
        // not to the worker account
        EngineHttp worker = new EngineHttp(port);
        assertThat(worker.webappLogin("welcome", workerUser, workerPassword).status()).isEqualTo(403);
        assertThat(worker.send(worker.request("/camunda/api/engine/engine/default/task").GET().build()).status())
                .as("no session to use").isIn(401, 403);
        assertThat(new EngineHttp(port).webappLogin("welcome", "reviewer1", "reviewer1").status()).isEqualTo(200);
    }

    @Test
    void grantingAtStartUpIsIdempotent() {
        long before = authorizations.createAuthorizationQuery().count();
        EngineAuthorizations again = new EngineAuthorizations(authorizations, filters, tasks);
        assertThat(again.grants()).isNotEmpty();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
    }

    private List<String> taskIds(String user, ProcessInstance instance) {
        return asUser(user, "GET", "/task?processInstanceId=" + instance.getId(), null).json().findValuesAsText("id");
    }

    private EngineHttp.Response asUser(String user, String method, String path, Object body) {
        return http.engine(method, path, user, user, body);
    }

    private static Map<String, Object> approval() {
        return Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE", "type", "String")));
    }

    private EngineHttp.Response deploy(String user) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("Process_AuthorizationProbe")
                .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        String boundary = "----loanflow" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return http.send(http.request("/engine-rest/deployment/create")
                .header("Authorization", EngineHttp.basic(user, user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aChangedWorkerPasswordTakesEffectAtTheNextStartAndUnlocksTheAccount() {
        String account = "rotation-worker-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            new EngineUsers(identity, false, account, "first-worker-password-0123");
            assertThat(identity.checkPassword(account, "first-worker-password-0123")).isTrue();

            for (int attempt = 0; attempt < 12; attempt++) {
                identity.checkPassword(account, "wrong-password-" + attempt); // workers still on an old password
            }
            assertThat(identity.checkPassword(account, "first-worker-password-0123")).as("locked").isFalse();

            new EngineUsers(identity, false, account, "second-worker-password-4567");

            assertThat(identity.checkPassword(account, "second-worker-password-4567")).isTrue();
            assertThat(identity.checkPassword(account, "first-worker-password-0123")).isFalse();
            assertThat(identity.createGroupQuery().groupMember(account).groupId("workers").count()).isOne();
        } finally {
            identity.deleteUser(account);
        }
    }
}
