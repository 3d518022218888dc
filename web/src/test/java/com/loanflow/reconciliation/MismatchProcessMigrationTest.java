package com.loanflow.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.RunningPlatform;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mismatch opened under an older version of the process (one that recorded the resolution inside the operator's
 * completion) is moved to the current version at start-up, waiting at the same task.
 */
class MismatchProcessMigrationTest extends RunningPlatform {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MismatchProcessMigration migration;

    @Test
    void anOpenMismatchOfAnOlderVersionIsMovedToTheCurrentOne() throws Exception {
        String current;
        try (InputStream bpmn = getClass().getResourceAsStream("/bpmn/reconciliation-mismatch.bpmn")) {
            current = new String(bpmn.readAllBytes(), StandardCharsets.UTF_8);
        }
        String older = current.replace("camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${recordMismatchResolutionDelegate}\"",
                "camunda:delegateExpression=\"${recordMismatchResolutionDelegate}\"");
        assertThat(older).isNotEqualTo(current);
        String olderDefinition = repository.createDeployment().name("mismatch-before-async")
                .addString("reconciliation-mismatch.bpmn", older).deployWithResult().getDeployedProcessDefinitions()
                .get(0).getId();
        String instance = runtime.startProcessInstanceById(olderDefinition, "migration-test-mismatch",
                Map.of("mismatchId", "migration-test-mismatch", "statementDate", "2026-01-01", "requestId", "PO1",
                        "mismatchKind", "AMOUNT_MISMATCH", "ourSide", "-", "channelSide", "-")).getId();
        String currentDefinition = repository.createDeployment().name("mismatch-current")
                .addString("reconciliation-mismatch.bpmn", current).deployWithResult().getDeployedProcessDefinitions()
                .get(0).getId();
        try {
            migration.migrateOpenMismatches();

            var moved = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
            assertThat(moved.getProcessDefinitionId()).isEqualTo(currentDefinition);
            assertThat(runtime.getActiveActivityIds(instance)).containsExactly("Task_ResolveMismatch");
        } finally {
            runtime.deleteProcessInstance(instance, "migration test done");
        }
    }
}
