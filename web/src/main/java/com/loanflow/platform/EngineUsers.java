package com.loanflow.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine groups and service users. The worker account exists everywhere (password from configuration);
 * the demo users (reviewer1, senior1, ops1, ops2, ops3 — password = user name) only where loanflow.demo-users.enabled is set,
 * which is the embedded default alone.
 */
@Component
class EngineUsers {

    record Demo(String id, String firstName, String group) {
    }

    private static final List<Demo> DEMO_USERS = List.of(
            new Demo("reviewer1", "Reviewer", "reviewers"),
            new Demo("senior1", "Senior", "senior-reviewers"),
            new Demo("ops1", "Operations", "ops"),
            // a second operator: a bank transfer recorded by one is approved by another (four eyes)
            new Demo("ops2", "Operations (second)", "ops"),
            // a third: money owed back from a bank transfer is paid out with the approval of neither of its two
            new Demo("ops3", "Operations (third)", "ops"));

    private final IdentityService identity;
    private final boolean demoUsers;
    private final String workerUser;
    private final String workerPassword;

    EngineUsers(IdentityService identity, @Value("${loanflow.demo-users.enabled:false}") boolean demoUsers,
                @Value("${loanflow.engine.username}") String workerUser,
                @Value("${loanflow.engine.password}") String workerPassword) {
        this.identity = identity;
        this.demoUsers = demoUsers;
        this.workerUser = workerUser;
        this.workerPassword = workerPassword;
        ensure();
    }

    private void ensure() {
        group("reviewers", "Loan reviewers");
        group("senior-reviewers", "Senior reviewers (poor-credit segment)");
        group("ops", "Operations");
        group("workers", "External task workers");
        user(workerUser, "Worker", workerPassword, "workers");
        // the configured password is the worker account's, also after it changed: set on every start (hashed with a
        // new salt), so rotating LOANFLOW_WORKER_PASSWORD on platform and workers together needs no manual step
        // and unlocked: during a rotation workers on the old password may have run into the login lock, which a
        // restart with the right password must clear
        User worker = identity.createUserQuery().userId(workerUser).singleResult();
        worker.setPassword(workerPassword);
        try {
            identity.saveUser(worker);
        } catch (org.camunda.bpm.engine.OptimisticLockingException anotherNodeStartingSavedItFirst) {
            // the same password, saved by a node starting at the same moment
        }
        identity.unlockUser(workerUser);
        if (demoUsers) {
            DEMO_USERS.forEach(d -> user(d.id(), d.firstName(), d.id(), d.group()));
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void user(String id, String firstName, String password, String groupId) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName("Loanflow");
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(id, groupId);
        }
    }
}
