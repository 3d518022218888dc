package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.e2e.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Personal data in the engine's own free text (a Tasklist comment, a worker's failure message and details, a
 * delegate's exception and stack trace, the incidents Cockpit lists) is masked before any ACT_ table holds it.
 */
class EngineTextMaskingTest extends RunningPlatform {

    // numbers of no sandbox identity, so that nothing else in the suite writes them
    static final String PHONE = "13912340987";
    static final String ID_NUMBER = "110101199003078515";
    static final String CARD = "6222020000009981";
    static final List<String> RAW = List.of(PHONE, ID_NUMBER, CARD);
    // a platform id with a phone-shaped digit run inside: operations need it intact in an incident message
    static final String PAYOUT_ID = "PO3F13800001234AB";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.FormService formService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    String deploymentId;

    /** A delegate that fails the way a careless one would: the personal data it worked on in its message. */
    public static class CarelessDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw new IllegalStateException("bureau refused borrower " + ID_NUMBER + " phone " + PHONE
                    + " (request " + PAYOUT_ID + ")");
        }
    }

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void commentsFailuresAndIncidentsReachTheTablesMasked() throws Exception {
        String key = "engineTextMaskingTest";
        deploymentId = repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .parallelGateway("Fork")
                        .userTask("Task_Review").endEvent()
                        .moveToNode("Fork").serviceTask("Task_Provider").camundaExternalTask("engine-text-masking-test")
                        .endEvent()
                        .moveToNode("Fork").serviceTask("Task_Careless").camundaAsyncBefore()
                        .camundaClass(CarelessDelegate.class.getName()).endEvent()
                        .done()).deploy().getId();
        String processInstanceId = runtime.startProcessInstanceByKey(key).getId();

        // a reviewer's Tasklist comment
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        tasks.createComment(taskId, processInstanceId, "called " + PHONE + ", card " + CARD + " is hers");
        // a long comment: the engine keeps its first 160 characters as MESSAGE_, where a number could be cut in two
        tasks.createComment(taskId, processInstanceId, "x".repeat(150) + " " + PHONE + " called back");
        // a comment edited after its 160-character preview: the engine writes it by a statement of its own
        String edited = tasks.createComment(taskId, processInstanceId, "y".repeat(170)).getId();
        tasks.updateTaskComment(taskId, edited, "y".repeat(170) + " and card " + CARD);
        // an operator moves the task's due date while logged in: the operation log keeps the dates (epoch ms) intact
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        identity.setAuthentication("engine-text-masking-operator", List.of("camunda-admin"));
        try {
            task.setDueDate(java.util.Date.from(java.time.Instant.parse("2026-12-01T10:00:00Z")));
            tasks.saveTask(task);
        } finally {
            identity.clearAuthentication();
        }

        // a worker's last failure: message and details echo what the provider said
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(1, "masking-test-worker")
                .topic("engine-text-masking-test", 60_000).execute();
        assertThat(locked).hasSize(1);
        externalTasks.handleFailure(locked.get(0).getId(), "masking-test-worker", "card " + CARD + " declined",
                "provider said: ID " + ID_NUMBER + " unknown", 0, 0);

        // a delegate's exception on its last retry
        // (the job executor may be trying it at the same moment: then this attempt conflicts and is made again)
        Job job = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
        for (int attempt = 0; attempt < 20 && jobRetries(job.getId()) > 0; attempt++) {
            try {
                management.setJobRetries(job.getId(), 1);
                assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("bureau refused");
            } catch (org.camunda.bpm.engine.OptimisticLockingException concurrentAttempt) {
                Thread.sleep(200);
            }
        }
        assertThat(jobRetries(job.getId())).as("the delegate's job failed for good").isZero();

        // what Tasklist and Cockpit read back
        assertThat(tasks.getTaskComments(taskId)).extracting(c -> c.getFullMessage())
                .contains("called 139****0987, card ****9981 is hers", "y".repeat(170) + " and card ****9981");
        assertThat(jdbc.queryForList("SELECT MESSAGE_ FROM ACT_HI_COMMENT WHERE TASK_ID_ = ?", String.class, taskId))
                .hasSize(3).noneMatch(message -> message.contains("1391234"));
        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId).list())
                .extracting(i -> i.getIncidentMessage()).hasSize(2)
                .allSatisfy(message -> assertThat(RAW).noneMatch(message::contains))
                .anySatisfy(message -> assertThat(message).contains("1101**********8515").contains(PAYOUT_ID));
        assertThat(externalTasks.getExternalTaskErrorDetails(locked.get(0).getId()))
                .isEqualTo("provider said: ID 1101**********8515 unknown");
        assertThat(management.getJobExceptionStacktrace(job.getId())).contains("bureau refused borrower")
                .doesNotContain(ID_NUMBER).doesNotContain(PHONE);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(processInstanceId).failureLog().list())
                .isNotEmpty().allSatisfy(log -> assertThat(log.getJobExceptionMessage()).doesNotContain(PHONE));

        assertThat(jdbc.queryForList("SELECT NEW_VALUE_ FROM ACT_HI_OP_LOG WHERE TASK_ID_ = ? AND PROPERTY_ = 'dueDate'",
                String.class, taskId)).as("a date in the operation log is not taken for a number to mask")
                .containsExactly(String.valueOf(java.time.Instant.parse("2026-12-01T10:00:00Z").toEpochMilli()));

        // and what the tables hold, every text and byte column of every engine table
        assertThat(engineColumnsHoldingRawValues()).as("engine columns holding raw personal data").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_COMMENT WHERE MESSAGE_ LIKE ?", Integer.class,
                "%139****0987%")).as("the check saw the comment").isPositive();
    }

    @Test
    void variablesFormFieldsAndTaskTextsAnyoneSetsReachTheTablesMasked() throws Exception {
        String key = "engineVariableMaskingTest";
        deploymentId = repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_First").userTask("Task_Second").endEvent()
                        .done()).deploy().getId();
        String processInstanceId = runtime.startProcessInstanceByKey(key, java.util.Map.of("payoutRequestId",
                PAYOUT_ID)).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

        // an operator adds a variable in Cockpit, and changes it (history keeps both values)
        runtime.setVariable(processInstanceId, "note", "回访 " + PHONE + " / " + ID_NUMBER);
        runtime.setVariable(processInstanceId, "note", "回访 +86 139 1234 0987, 卡 " + CARD + ", 请求 " + PAYOUT_ID);
        // a reviewer edits the task's description in Tasklist
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        task.setDescription("call back " + PHONE + " about card " + CARD);
        tasks.saveTask(task);
        // and submits the form with a field it does not declare: kept as a variable and a FormProperty detail
        formService.submitTaskForm(taskId, java.util.Map.of("callNote", "card " + CARD + " is hers"));

        assertThat(runtime.getVariable(processInstanceId, "note"))
                .isEqualTo("回访 +86 139****0987, 卡 ****9981, 请求 " + PAYOUT_ID);
        assertThat(runtime.getVariable(processInstanceId, "callNote")).isEqualTo("card ****9981 is hers");
        assertThat(runtime.getVariable(processInstanceId, "payoutRequestId")).as("a platform id stays intact")
                .isEqualTo(PAYOUT_ID);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getDescription())
                .isEqualTo("call back 139****0987 about card ****9981");
        assertThat(jdbc.queryForList("SELECT TEXT_ FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND TEXT_ IS NOT NULL",
                String.class, processInstanceId)).as("every value the variables had")
                .noneMatch(text -> text.contains("139 1234 0987")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(engineColumnsHoldingRawValues()).as("engine columns holding raw personal data").isEmpty();
    }

    @Test
    void whatCannotBeMaskedIsRefusedAndAnOperationLogAnnotationIsMasked() throws Exception {
        String key = "engineUnmaskableTest";
        deploymentId = repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Review").endEvent()
                        .done()).deploy().getId();
        String processInstanceId = runtime.startProcessInstanceByKey(key).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

        // Cockpit's "add variable" with type Long, a REST completion with an untyped JSON number, a file upload
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "note", Long.parseLong(PHONE)))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class).hasMessageContaining("'note'");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reviewComment", Long.parseLong(ID_NUMBER))))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "scan", Double.parseDouble(CARD)))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "scan",
                (CARD + " " + PHONE).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> tasks.createAttachment("text/plain", taskId, processInstanceId, "id card", "scan",
                new java.io.ByteArrayInputStream(ID_NUMBER.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
        // and an existing variable given such a value: its update is refused too
        runtime.setVariable(processInstanceId, "termMonths", 12L);
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "termMonths", Long.parseLong(PHONE)))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
        // what a variable of the platform's own holds is kept (amounts, terms, scores), a date (a long of epoch
        // milliseconds inside) and a link without content too
        runtime.setVariable(processInstanceId, "approvedAmount", 2000.0);
        runtime.setVariable(processInstanceId, "followUpOn", new java.util.Date());
        tasks.createAttachment("url", taskId, processInstanceId, "policy", "the lending policy",
                "https://example.org/policy");

        assertThat(runtime.getVariables(processInstanceId)).containsOnlyKeys("termMonths", "approvedAmount", "followUpOn")
                .containsEntry("termMonths", 12L);
        assertThat(tasks.getTaskAttachments(taskId)).singleElement()
                .satisfies(a -> assertThat(a.getUrl()).isEqualTo("https://example.org/policy"));
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the refused completion changed nothing")
                .isEqualTo(1);

        // an operator annotates an operation-log entry (written by its own bulk update, past the flush)
        identity.setAuthentication("engine-text-masking-operator", List.of("camunda-admin"));
        try {
            runtime.setVariable(processInstanceId, "callNote", "see annotation");
        } finally {
            identity.clearAuthentication();
        }
        String operationId = history.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .list().get(0).getOperationId();
        history.setAnnotationForOperationLogById(operationId, "客户电话 " + PHONE);

        assertThat(history.createUserOperationLogQuery().operationId(operationId).list())
                .extracting(org.camunda.bpm.engine.history.UserOperationLogEntry::getAnnotation)
                .containsOnly("客户电话 139****0987");
        assertThat(engineColumnsHoldingRawValues()).as("engine columns holding raw personal data").isEmpty();
    }

    @Test
    void aCharacterBeyondThreeBytesIsStoredAsTheReplacementCharacterNotRefusedByTheEnginesUtf8Tables() throws Exception {
        String key = "engineFourByteTextTest";
        deploymentId = repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Review").endEvent()
                        .done()).deploy().getId();
        String processInstanceId = runtime.startProcessInstanceByKey(key).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        // on MySQL and MariaDB (the integration profile) each of these failed with error 1366: Camunda's tables are
        // utf8 (3 bytes), strict mode refuses an emoji or a Han character outside the BMP
        tasks.createComment(taskId, processInstanceId, "looks fine 👍 " + PHONE);
        formService.submitTaskForm(taskId, Map.of("reviewComment", "收入已核实 👍, 𠮷野 called " + PHONE));

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("reviewComment").singleResult().getValue())
                .isEqualTo("收入已核实 \uFFFD, \uFFFD野 called 139****0987");
        assertThat(jdbc.queryForObject("SELECT MESSAGE_ FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?", String.class,
                processInstanceId)).isEqualTo("looks fine \uFFFD 139****0987");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getState()).isEqualTo("COMPLETED");
    }

    private int jobRetries(String jobId) {
        return management.createJobQuery().jobId(jobId).singleResult().getRetries();
    }

    private List<String> engineColumnsHoldingRawValues() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Map<String, Object>> byteArrays = jdbc.queryForList("SELECT NAME_, BYTES_ FROM ACT_GE_BYTEARRAY");
        for (Map<String, Object> row : byteArrays) {
            if (row.get("BYTES_") instanceof byte[] bytes) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                RAW.stream().filter(text::contains).forEach(raw -> leaks.add("ACT_GE_BYTEARRAY " + row.get("NAME_")));
            }
        }
        for (Map<String, Object> row : jdbc.queryForList("SELECT FULL_MSG_ FROM ACT_HI_COMMENT")) {
            if (row.get("FULL_MSG_") instanceof byte[] bytes) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                RAW.stream().filter(text::contains).forEach(raw -> leaks.add("ACT_HI_COMMENT.FULL_MSG_"));
            }
        }
        try (var connection = jdbc.getDataSource().getConnection()) {
            var meta = connection.getMetaData();
            try (var columns = meta.getColumns(connection.getCatalog(), null, "ACT_%", "%")) {
                while (columns.next()) {
                    int type = columns.getInt("DATA_TYPE");
                    if (type != java.sql.Types.VARCHAR && type != java.sql.Types.NVARCHAR
                            && type != java.sql.Types.LONGVARCHAR && type != java.sql.Types.CLOB) {
                        continue;
                    }
                    String table = columns.getString("TABLE_NAME");
                    String column = columns.getString("COLUMN_NAME");
                    if (!table.toUpperCase().startsWith("ACT_")) {
                        continue;
                    }
                    for (String raw : RAW) {
                        Integer hits = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.toUpperCase() + " WHERE "
                                + column + " LIKE ?", Integer.class, "%" + raw + "%");
                        if (hits != null && hits > 0) {
                            leaks.add(table + "." + column);
                        }
                    }
                }
            }
        }
        return leaks;
    }
}
