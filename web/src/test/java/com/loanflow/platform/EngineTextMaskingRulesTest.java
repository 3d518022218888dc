package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.junit.jupiter.api.Test;

/** The masking rules for the engine's operation log, without an engine. */
class EngineTextMaskingRulesTest {

    static UserOperationLogEntryEventEntity entry(String property, String orgValue, String newValue) {
        UserOperationLogEntryEventEntity entry = new UserOperationLogEntryEventEntity();
        entry.setProperty(property);
        entry.setOrgValue(orgValue);
        entry.setNewValue(newValue);
        return entry;
    }

    @Test
    void annotationsOperatorsTypeAreMaskedAndFitted() {
        var entry = entry(null, null, null);
        entry.setAnnotation("called 13912345678 👍");
        EngineTextMasking.mask(entry);
        assertThat(entry.getAnnotation()).isEqualTo("called 139****5678 \uFFFD");
        var incident = new org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity();
        incident.setAnnotation("card 6222020000000056 blocked 👍");
        EngineTextMasking.mask(incident);
        assertThat(incident.getAnnotation()).isEqualTo("card ****0056 blocked \uFFFD");
    }

    @Test
    void charactersBeyondTheBasicPlaneBecomeTheReplacementCharacterAndTheRestStays() {
        assertThat(EngineTextMasking.fitted("ok 👍 𠮷野 é 中")).isEqualTo("ok \uFFFD \uFFFD野 é 中");
        assertThat(EngineTextMasking.fitted("plain 中文")).isEqualTo("plain 中文");
        assertThat(EngineTextMasking.fitted(null)).isNull();
        // three bytes at most in UTF-8, what a utf8 (utf8mb3) column takes
        assertThat(EngineTextMasking.fitted("👍👍").getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(6);
    }

    @Test
    void operationLogEntriesWithoutAPropertyAreMaskedAsTechnicalText() {
        // e.g. a process instance started through the REST API: no property, values may be null
        var started = entry(null, null, "called 13912345678 about PO3F13800001234AB");
        EngineTextMasking.mask(started);
        assertThat(started.getNewValue()).isEqualTo("called 139****5678 about PO3F13800001234AB");
        assertThat(started.getOrgValue()).isNull();
    }

    @Test
    void typedValuesAreMaskedAsTextAndDatesStayIntact() {
        var comment = entry("comment", "tel13912345678", "ok");
        EngineTextMasking.mask(comment);
        assertThat(comment.getOrgValue()).as("glued to letters, still a phone in typed text").isEqualTo("tel139****5678");
        var due = entry("dueDate", null, "1764150000000");
        EngineTextMasking.mask(due);
        assertThat(due.getNewValue()).isEqualTo("1764150000000");
    }
}
