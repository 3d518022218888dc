package com.loanflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.borrower.Borrowers;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.risk.Blacklist;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit chain: linear under concurrent appends, masked, and any edit or deletion shows in verify. */
@PlatformTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;
    @Autowired
    Blacklist blacklist;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChainOfSeveralEntriesVerifies() {
        AuditEntry first = record("first");
        AuditEntry second = record("second");
        AuditEntry third = record("third");

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        Verification verification = auditLog.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBrokenSeq()).isNull();
        assertThat(verification.entries()).isGreaterThanOrEqualTo(third.seq());
    }

    @Test
    void concurrentAppendsFromFourThreadsStayOneLinearChain() throws Exception {
        long before = count();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> appenders = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                appenders.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        record("thread-" + t + "-" + i);
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(appenders)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(count()).isEqualTo(before + 100);
        assertThat(jdbc.queryForObject("SELECT MAX(seq) - MIN(seq) + 1 FROM audit_log", Long.class))
                .as("no gaps, no duplicates").isEqualTo(count());
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void editingAnEntrysDetailsIsReportedAtThatEntry() {
        record("before");
        AuditEntry edited = record("to be edited");
        record("after");
        try {
            jdbc.update("UPDATE audit_log SET details = ? WHERE seq = ?", "{\"note\":\"nothing to see\"}", edited.seq());
            Verification verification = auditLog.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(edited.seq());
        } finally {
            jdbc.update("UPDATE audit_log SET details = ? WHERE seq = ?", edited.details(), edited.seq());
        }
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void anEditedEntryWhoseHashIsRecomputedIsReportedAtTheEntryAfterIt() {
        AuditEntry edited = record("actor edited");
        AuditEntry next = record("after it");
        try {
            AuditEntry predecessor = new AuditEntry(null, edited.seq() - 1, null, null, null, null, null, null, null,
                    edited.prevHash());
            AuditEntry forged = AuditEntry.chained(predecessor, edited.id(), edited.occurredAt(), "someone-else",
                    edited.action(), edited.subjectType(), edited.subjectId(), edited.details());
            jdbc.update("UPDATE audit_log SET actor = ?, hash = ? WHERE seq = ?", "someone-else", forged.hash(),
                    edited.seq());
            assertThat(auditLog.verify().firstBrokenSeq()).isEqualTo(next.seq());
        } finally {
            jdbc.update("UPDATE audit_log SET actor = ?, hash = ? WHERE seq = ?", edited.actor(), edited.hash(),
                    edited.seq());
        }
        assertThat(auditLog.verify().intact()).isTrue();
        assertThat(next.prevHash()).isEqualTo(edited.hash());
    }

    @Test
    void deletingAMiddleEntryIsReportedAtItsSeq() {
        record("before");
        AuditEntry deleted = record("to be deleted");
        record("after");
        try {
            jdbc.update("DELETE FROM audit_log WHERE seq = ?", deleted.seq());
            Verification verification = auditLog.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(deleted.seq());
        } finally {
            jdbc.update("INSERT INTO audit_log (id, seq, occurred_at, actor, action, subject_type, subject_id, details,"
                            + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", deleted.id(), deleted.seq(),
                    deleted.occurredAt(), deleted.actor(), deleted.action(), deleted.subjectType(),
                    deleted.subjectId(), deleted.details(), deleted.prevHash(), deleted.hash());
        }
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void detailsNeverHoldAFullPhoneIdOrCardNumber() {
        AuditEntry entry = auditLog.record("ops1", "TEST_ENTRY", "TEST", "masking",
                Map.of("note", "called 13800000001 about card 6222020000000007"));
        String stored = jdbc.queryForObject("SELECT details FROM audit_log WHERE seq = ?", String.class, entry.seq());
        assertThat(stored).doesNotContain("13800000001").doesNotContain("6222020000000007")
                .contains("****0001").contains("****0007");
    }

    @Test
    void blacklistChangesAreAuditedWithTheMaskedValueOnly() {
        String idNumber = "11010119900307" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        blacklist.add(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, idNumber, "Fraud confirmed", "ops1");
        Map<String, Object> added = last();
        assertThat(added).containsEntry("ACTOR", "ops1").containsEntry("ACTION", "BLACKLIST_ADD")
                .containsEntry("SUBJECT_TYPE", "BLACKLIST_ENTRY");
        assertThat(added.get("DETAILS").toString()).contains(idNumber.substring(0, 4) + "**********")
                .doesNotContain(idNumber);

        long before = count();
        blacklist.add(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, idNumber, "Again", "ops1");
        assertThat(count()).as("listing it again changes nothing").isEqualTo(before);

        assertThat(blacklist.remove(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, idNumber, "ops1",
                "Court order lifted")).isTrue();
        assertThat(blacklist.contains(Blacklist.EntryType.ID_NUMBER, Borrowers.ID_NUMBER_DOMAIN, idNumber)).isFalse();
        Map<String, Object> removed = last();
        assertThat(removed).containsEntry("ACTION", "BLACKLIST_REMOVE").containsEntry("SUBJECT_ID",
                added.get("SUBJECT_ID"));
        assertThat(removed.get("DETAILS").toString()).doesNotContain(idNumber);
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void verifyEndpointAnswersOpsOnly() throws Exception {
        assertThat(verifyAs(null).statusCode()).isEqualTo(401);
        assertThat(verifyAs("no-such-user:ops1").statusCode()).isEqualTo(401);
        assertThat(verifyAs("reviewer1:reviewer1").statusCode()).isEqualTo(403);
        HttpResponse<String> ops = verifyAs("ops1:ops1");
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"intact\":true");
        assertThat(verifyAs("admin:admin").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> verifyAs(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/ops/v1/audit/verify")).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private AuditEntry record(String note) {
        return auditLog.record("audit-test", "TEST_ENTRY", "TEST", "chain", Map.of("note", note));
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
    }

    private Map<String, Object> last() {
        return jdbc.queryForMap("SELECT actor, action, subject_type, subject_id, details FROM audit_log"
                + " ORDER BY seq DESC LIMIT 1");
    }
}
