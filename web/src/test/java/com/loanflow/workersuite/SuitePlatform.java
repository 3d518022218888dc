package com.loanflow.workersuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.core.env.Environment;

/**
 * The running platform as the worker suite uses it: borrowers and applications through the borrower API, test
 * processes (one external task, an IDENTITY_MISMATCH boundary) and engine queries through the engine REST API.
 */
final class SuitePlatform {

    record Applicant(String applicationId, String borrowerId, String name, String idNumber, String phone) {
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    final String base;
    final String workerUser;
    final String workerPassword;
    final String internalToken;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SuitePlatform(int port, Environment environment) {
        this.base = "http://localhost:" + port;
        this.workerUser = environment.getRequiredProperty("loanflow.engine.username");
        this.workerPassword = environment.getRequiredProperty("loanflow.engine.password");
        this.internalToken = environment.getRequiredProperty("loanflow.internal.token");
        this.adminUser = environment.getRequiredProperty("camunda.bpm.admin-user.id");
        this.adminPassword = environment.getRequiredProperty("camunda.bpm.admin-user.password");
    }

    /**
     * A test process for one topic: Start → Task_UnderTest (external, the topic) → End_Done, and an
     * IDENTITY_MISMATCH error boundary → End_IdentityRejected. The worker group may work on it, as on the loan process.
     */
    static void deploy(RepositoryService repository, AuthorizationService authorizations, String key, String topic) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .serviceTask("Task_UnderTest").camundaExternalTask(topic)
                .boundaryEvent("Event_IdentityMismatch").error("IDENTITY_MISMATCH").endEvent("End_IdentityRejected")
                .moveToActivity("Task_UnderTest").endEvent("End_Done")
                .done();
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model)
                .enableDuplicateFiltering(true).deploy();
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn("workers")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).count() > 0;
        if (!granted) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId("workers");
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(key);
            grant.setPermissions(new ProcessDefinitionPermissions[] {ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE});
            authorizations.saveAuthorization(grant);
        }
    }

    /**
     * A test process shaped like the loan process around Task_SendPayout: async before, one external task, and the
     * PAYOUT_REFUSED error boundary the worker throws to when the channel refuses a request outright (ADR 0030
     * addendum); any other failure is a retry or an incident.
     */
    static void deployPayoutShaped(RepositoryService repository, AuthorizationService authorizations,
                                   String key, String topic) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .serviceTask("Task_UnderTest").camundaAsyncBefore().camundaExternalTask(topic)
                .boundaryEvent("Event_PayoutRefused").error("PAYOUT_REFUSED").endEvent("End_PayoutRefused")
                .moveToActivity("Task_UnderTest").endEvent("End_Done")
                .done();
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model)
                .enableDuplicateFiltering(true).deploy();
        grantToWorkers(authorizations, key);
    }

    private static void grantToWorkers(AuthorizationService authorizations, String key) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn("workers")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).count() > 0;
        if (!granted) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId("workers");
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(key);
            grant.setPermissions(new ProcessDefinitionPermissions[] {ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE});
            authorizations.saveAuthorization(grant);
        }
    }

    /** The external-task log of one instance: failures (failureLog) or successes (successLog), oldest first. */
    JsonNode taskLog(String processInstanceId, String kind) {
        return engine("GET", "/history/external-task-log?" + kind + "=true&sortBy=timestamp&sortOrder=asc"
                + "&processInstanceId=" + processInstanceId, null);
    }

    /** A new borrower with a fresh valid ID number who applied for a loan; the card shows cardName. */
    Applicant applicant(String name, String cardName, String phone, long selfieSeed) {
        String first17 = "110105" + LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 30))
                .format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", ThreadLocalRandom.current().nextInt(990)); // 990-999: sandbox outages
        String idNumber = first17 + ChineseIdNumber.checkCharacter(first17);
        String password = "Passw0rd!" + phone.substring(7);
        JsonNode registered = call("POST", "/api/v1/borrowers", null, Map.of("phone", phone, "password", password,
                "consents", List.of(Map.of("type", "PRIVACY_POLICY", "version", "1.0"),
                        Map.of("type", "CREDIT_AUTHORIZATION", "version", "1.0"),
                        Map.of("type", "SERVICE_AGREEMENT", "version", "1.0"),
                        Map.of("type", "FACE_RECOGNITION", "version", "1.0"))), 201);
        String token = call("POST", "/api/v1/sessions", null, Map.of("phone", phone, "password", password), 200)
                .path("token").asText();
        call("PUT", "/api/v1/borrowers/me/identity", "Bearer " + token, Map.of("name", name, "idNumber", idNumber,
                "idCardFrontImage", Base64.getEncoder().encodeToString(
                        SandboxIdCard.renderFront(cardName, idNumber, "北京市东城区示例路1号")),
                "selfieImage", Base64.getEncoder().encodeToString(SandboxIdCard.renderSelfie(selfieSeed))), 202);
        String applicationId = call("POST", "/api/v1/applications", "Bearer " + token, Map.of("amount", "1000.00",
                "termMonths", 6, "bankCardNumber", "6222020000000007", "purpose", "CONSUMPTION"), 202,
                Map.of("Idempotency-Key", "suite-" + UUID.randomUUID())).path("applicationId").asText();
        String borrowerId = registered.path("borrowerId").asText(registered.path("id").asText());
        return new Applicant(applicationId, borrowerId, name, idNumber, phone);
    }

    /** A phone no other test registers: 137 and eight random digits. */
    static String freshPhone() {
        return "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    String start(String processKey, String businessKey) {
        return engine("POST", "/process-definition/key/" + processKey + "/start", Map.of("businessKey", businessKey))
                .path("id").asText();
    }

    /** Engine REST as the admin (what Cockpit shows). */
    JsonNode engine(String method, String path, Object body) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        return call(method, "/engine-rest" + path, auth, body, -1);
    }

    /** Engine REST as the admin for plain-text answers (e.g. a failure's error details). */
    String engineText(String path) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls an engine query until the predicate holds; fails with the last answer after WAIT. */
    JsonNode await(String path, Predicate<JsonNode> done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = engine("GET", path, null);
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what + "; last answer of " + path + ": " + last);
    }

    /** The process instance's end activity once it ended (history), waiting for it. */
    String awaitEnd(String processInstanceId) {
        JsonNode ends = await("/history/activity-instance?processInstanceId=" + processInstanceId
                + "&activityType=noneEndEvent&finished=true", a -> a.size() > 0, "the end of " + processInstanceId);
        return ends.get(0).path("activityId").asText();
    }

    String variable(String processInstanceId, String name) {
        JsonNode values = engine("GET", "/history/variable-instance?processInstanceId=" + processInstanceId
                + "&variableName=" + name, null);
        return values.size() == 0 ? null : values.get(0).path("value").asText();
    }

    JsonNode call(String method, String path, String authorization, Object body, int expectedStatus) {
        return call(method, path, authorization, body, expectedStatus, Map.of());
    }

    JsonNode call(String method, String path, String authorization, Object body, int expectedStatus,
                  Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expectedStatus > 0 && response.statusCode() != expectedStatus
                    || expectedStatus < 0 && response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
