package com.loanflow.platform;

import com.loanflow.shared.logging.PersonalDataMasker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's own free text is masked before it is written: Tasklist comments (ACT_HI_COMMENT), incident messages
 * (Cockpit), job and external-task failure messages and their stack traces or error details, the user-operation log's
 * old and new values, attachment names. Workers and delegates are written to put only masked values in their errors,
 * and reviewers are told to; this is the line behind that, so that a "called 13812345678" typed into a Tasklist
 * comment or a provider's error echoing a card number never reaches a table in the clear. The free-text variables
 * people are asked to type in are masked as text by {@link FreeTextMasking}; every other string variable, form
 * property and task name or description where a number stands alone, here.
 *
 * <p>Done where every engine write passes: the entity manager's flush. Each command's cached entities are masked just
 * before their INSERT or UPDATE is built, whichever command or REST call produced them.
 */
@Component
class EngineTextMasking extends AbstractProcessEnginePlugin {

    /** ByteArrayEntity names of job, external-task and external-task-log failure details (stack traces). */
    static final String EXCEPTION_BYTE_ARRAY_SUFFIX = ".exceptionByteArray";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        // registered under DbEntityManager's session type, it replaces the engine's default factory
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return DbEntityManager.class;
            }

            @Override
            public Session openSession() {
                PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
                return new MaskingEntityManager(configuration.getIdGenerator(), persistence);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    static final class MaskingEntityManager extends DbEntityManager {

        MaskingEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        public void flush() {
            for (CachedDbEntity cached : dbEntityCache.getCachedEntities()) {
                // what this command writes: new rows, and loaded rows it changed; a row only read stays as it is
                // (no UPDATE of old rows on every read, no optimistic-lock clash with the job executor over them)
                DbEntityState state = cached.getEntityState();
                if (state == DbEntityState.TRANSIENT || state == DbEntityState.MERGED
                        || state == DbEntityState.PERSISTENT && cached.isDirty()) {
                    if (state == DbEntityState.TRANSIENT) {
                        refuseUnmaskable(cached.getEntity());   // what is written now, not rows written before
                    }
                    mask(cached.getEntity());
                }
            }
            super.flush();
        }

        /**
         * Statements the engine runs with an entity as parameter outside the dirty check (a comment edited through
         * the API is written by its own "updateComment" when only the part after its 160-character preview changed).
         */
        @Override
        public void update(Class<? extends DbEntity> entityType, String statement, Object parameter) {
            if (parameter instanceof DbEntity entity) {
                mask(entity);
            }
            super.update(entityType, statement, parameter);
        }

        /**
         * Bulk updates with a map of values: an annotation set on an operation-log entry (Cockpit, or REST
         * set-annotation) is written this way, past the flush and {@link #update}.
         */
        @Override
        public org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation updatePreserveOrder(
                Class<? extends DbEntity> entityType, String statement, Object parameter) {
            if (parameter instanceof java.util.Map<?, ?> values && values.get("annotation") instanceof String annotation) {
                java.util.Map<Object, Object> masked = new java.util.HashMap<>(values);
                masked.put("annotation", text(annotation));
                parameter = masked;
            }
            return super.updatePreserveOrder(entityType, statement, parameter);
        }
    }

    /** Digits from which a number is refused as a variable: 11 (a mobile number) and more (ID, card numbers). */
    static final long UNMASKABLE_NUMBER = 10_000_000_000L;

    /** The serializers of number variables (a date is a long too, in epoch milliseconds: not one of these). */
    static final java.util.Set<String> NUMBERS = java.util.Set.of("long", "integer", "short", "double");

    /**
     * What cannot be masked is not written: the command fails with a 400 (REST) and nothing it did is kept. A number
     * variable of 11 or more digits (a phone, an ID number without X, a card: the engine writes it to LONG_ or DOUBLE_
     * and, as digits, to TEXT_, where masking would change its value), a byte-array or file variable, and an
     * attachment with content (a blob): Cockpit's "add variable", a REST task completion with an untyped JSON
     * number, or Tasklist's attachment upload could otherwise put personal data in the engine's tables as it came.
     * The platform's own variables are ids, codes, amounts and masked text (ADR 0002). Checked on new rows only: a
     * variable's new value is a new history detail (history level full), a delete or migration is not refused, and a
     * row written before this check is not refused when the engine moves it.
     */
    static void refuseUnmaskable(DbEntity entity) {
        if (entity instanceof org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity v) {
            refuseUnmaskable(v.getName(), v.getSerializerName(), v.getLongValue(), v.getDoubleValue());
        } else if (entity instanceof org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity v
                && (v.isEventOfType(org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                || v.isEventOfType(org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))) {
            refuseUnmaskable(v.getVariableName(), v.getSerializerName(), v.getLongValue(), v.getDoubleValue());
        } else if (entity instanceof AttachmentEntity attachment
                && (attachment.getContentId() != null || attachment.getContent() != null)) {
            throw new org.camunda.bpm.engine.BadUserRequestException(FormValidationStatusFilter.INPUT_REFUSED
                    + "Attachments with content are not kept (it cannot be masked); documents belong in the platform,"
                    + " which encrypts them");
        }
    }

    private static void refuseUnmaskable(String name, String serializer, Long whole, Double real) {
        if (NUMBERS.contains(serializer) && (whole != null && Math.abs(whole) >= UNMASKABLE_NUMBER
                || real != null && Math.abs(real) >= UNMASKABLE_NUMBER)) {
            throw new org.camunda.bpm.engine.BadUserRequestException(FormValidationStatusFilter.INPUT_REFUSED
                    + "Variable '" + name + "': a number of 11 or more digits is not kept (phone, ID and card numbers"
                    + " never go into the engine's tables; as text it would be masked)");
        }
        if ("bytes".equals(serializer) || "file".equals(serializer)) {
            throw new org.camunda.bpm.engine.BadUserRequestException(FormValidationStatusFilter.INPUT_REFUSED
                    + "Variable '" + name + "': " + serializer + " variables are not kept (their content cannot be"
                    + " masked)");
        }
    }

    /** Masks personal data in the free-text fields of one engine entity; other entities are left as they are. */
    static void mask(DbEntity entity) {
        if (entity instanceof CommentEntity comment) {
            // MESSAGE_ is the full message cut to 160 characters: cut again from the masked full message, so that no
            // number is cut in two before it is masked
            String full = comment.getFullMessage() != null ? comment.getFullMessage() : comment.getMessage();
            if (full != null) {
                String maskedFull = text(full);
                if (comment.getFullMessage() != null) {
                    comment.setFullMessage(maskedFull);
                }
                comment.setMessage(comment.toEventMessage(maskedFull));
            }
        } else if (entity instanceof IncidentEntity incident) {
            incident.setIncidentMessage(technical(incident.getIncidentMessage()));
            incident.setAnnotation(text(incident.getAnnotation()));   // what an operator typed in Cockpit
        } else if (entity instanceof JobEntity job) {
            job.setExceptionMessage(technical(job.getExceptionMessage()));
        } else if (entity instanceof ExternalTaskEntity task) {
            task.setErrorMessage(technical(task.getErrorMessage()));
        } else if (entity instanceof HistoricIncidentEventEntity incident) {
            incident.setIncidentMessage(technical(incident.getIncidentMessage()));
            incident.setAnnotation(text(incident.getAnnotation()));
        } else if (entity instanceof HistoricJobLogEvent log) {
            log.setJobExceptionMessage(technical(log.getJobExceptionMessage()));
        } else if (entity instanceof HistoricExternalTaskLogEntity log) {
            log.setErrorMessage(technical(log.getErrorMessage()));
        } else if (entity instanceof UserOperationLogEntryEventEntity entry) {
            // what people typed (a comment's text, a task's name or description) is masked like a comment; the rest
            // (ids, dates as epoch milliseconds, states) only where a number stands alone
            boolean typed = entry.getProperty() != null && HUMAN_TEXT_PROPERTIES.contains(entry.getProperty());
            entry.setOrgValue(typed ? text(entry.getOrgValue())
                    : standalone(entry.getOrgValue()));
            entry.setNewValue(typed ? text(entry.getNewValue())
                    : standalone(entry.getNewValue()));
            entry.setAnnotation(text(entry.getAnnotation()));
        } else if (entity instanceof org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity v
                && STRING.equals(v.getSerializerName())) {
            // string variables anyone set (Cockpit's "add variable", an undeclared form field, the REST API) hold ids,
            // masked values and decisions by design; a number that stands alone in one is masked, ids stay intact
            v.setTextValue(standalone(v.getTextValue()));
        } else if (entity instanceof org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity v
                && STRING.equals(v.getSerializerName())) {
            v.setTextValue(standalone(v.getTextValue()));
        } else if (entity instanceof org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity v
                && STRING.equals(v.getSerializerName())) {
            v.setTextValue(standalone(v.getTextValue()));
        } else if (entity instanceof org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity property
                && property.getPropertyValue() instanceof String value) {
            property.setPropertyValue(standalone(value));
        } else if (entity instanceof org.camunda.bpm.engine.impl.persistence.entity.TaskEntity task) {
            // a task's name or description edited in Tasklist or through the API (without firing update listeners)
            task.setNameWithoutCascade(standalone(task.getName()));
            task.setDescriptionWithoutCascade(standalone(task.getDescription()));
        } else if (entity instanceof org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity task) {
            task.setName(standalone(task.getName()));
            task.setDescription(standalone(task.getDescription()));
        } else if (entity instanceof AttachmentEntity attachment) {
            attachment.setName(text(attachment.getName()));
            attachment.setDescription(text(attachment.getDescription()));
            attachment.setUrl(standalone(attachment.getUrl()));
        } else if (entity instanceof ByteArrayEntity bytes && bytes.getName() != null
                && bytes.getName().endsWith(EXCEPTION_BYTE_ARRAY_SUFFIX) && bytes.getBytes() != null) {
            String text = utf8(bytes.getBytes());
            if (text != null) {   // not text (a variable that only shares the name): left as it is
                String maskedText = PersonalDataMasker.maskStandalone(text);   // a BLOB: any character fits
                if (!maskedText.equals(text)) {
                    bytes.setBytes(maskedText.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** The serializer name of string variables (text in TEXT_). */
    static final String STRING = "string";

    static final java.util.Set<String> HUMAN_TEXT_PROPERTIES = java.util.Set.of("comment", "name", "description");

    /** The engine cuts failure and incident messages to this many characters (its column width). */
    static final int ENGINE_MESSAGE_CUT = 666;

    // a run of 4 or more digits at the very end: what is left of a number the engine cut at its column's length
    private static final java.util.regex.Pattern CUT_NUMBER = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[0-9]{4,}$");

    /**
     * Messages and stack traces carry the platform's ids: numbers are masked where they stand alone (not inside an
     * id). A message the engine cut at its column's width may end in the front of a number: that run is starred
     * first, so the rest of it cannot be taken for a shorter number and half shown.
     */
    static String technical(String text) {
        if (text == null) {
            return null;
        }
        String starred = text;
        if (text.length() >= ENGINE_MESSAGE_CUT) {
            var cut = CUT_NUMBER.matcher(text);
            if (cut.find()) {
                starred = text.substring(0, cut.start()) + "*".repeat(cut.end() - cut.start());
            }
        }
        return standalone(starred);
    }

    /** Text people typed: every number masked, then made to fit the engine's columns. */
    static String text(String text) {
        return fitted(PersonalDataMasker.mask(text));
    }

    /** Ids, states and machine text: numbers masked where they stand alone, then made to fit the engine's columns. */
    static String standalone(String text) {
        return fitted(PersonalDataMasker.maskStandalone(text));
    }

    /**
     * Camunda creates its tables on MySQL and MariaDB as utf8 (3 bytes a character, utf8_bin), and strict mode refuses
     * a 4-byte character (an emoji, a rare Han character outside the BMP) with error 1366: a reviewer's comment with
     * an emoji failed the task's completion, and any string reaching a variable, comment or task would fail its
     * command. Such a character is stored as U+FFFD (the replacement character) in the engine's tables; our own tables
     * are utf8mb4 and keep it.
     */
    static String fitted(String text) {
        if (text == null || text.codePoints().allMatch(c -> c <= 0xFFFF)) {
            return text;
        }
        StringBuilder fitted = new StringBuilder(text.length());
        text.codePoints().forEach(c -> fitted.append(c <= 0xFFFF ? (char) c : '\uFFFD'));
        return fitted.toString();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notText) {
            return null;
        }
    }
}
