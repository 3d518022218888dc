package com.loanflow.reconciliation;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mismatches open when a new version of the mismatch process is deployed are moved to it at start-up. The recording
 * of a resolution checks the completed task in history (ADR 0007 addendum), which it can only do in a job of its own
 * (asyncBefore, since that version); an instance left on an older version would run the new check inside the
 * operator's completion, find no completed task yet, and could never be resolved. The versions' activities have the
 * same ids, so equal activities map one to one. Idempotent; a node that loses the race to another logs and goes on.
 */
@Component
class MismatchProcessMigration {

    private static final Logger log = LoggerFactory.getLogger(MismatchProcessMigration.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;

    MismatchProcessMigration(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrateOpenMismatches() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(Reconciliations.PROCESS_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            return;
        }
        for (ProcessDefinition older : repository.createProcessDefinitionQuery()
                .processDefinitionKey(Reconciliations.PROCESS_KEY).list()) {
            if (older.getVersion() >= latest.getVersion()) {
                continue;
            }
            long open = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
            if (open == 0) {
                continue;
            }
            // all or nothing per version: an operator completing a task meanwhile (or another node migrating the
            // same instances) fails the attempt, which is made again
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    var plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().build();
                    runtime.newMigration(plan).processInstanceQuery(
                            runtime.createProcessInstanceQuery().processDefinitionId(older.getId())).execute();
                    log.info("Moved {} open reconciliation mismatches from version {} to {}", open,
                            older.getVersion(), latest.getVersion());
                    break;
                } catch (RuntimeException e) {
                    log.warn("Open reconciliation mismatches of version {} not moved to {} (attempt {}): {}",
                            older.getVersion(), latest.getVersion(), attempt, e.toString());
                }
            }
        }
    }
}
