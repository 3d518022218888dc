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
 * comment or a provider's error echoing a card number never reaches a table in the clear. Variables and form fields
 * are handled by {@link FreeTextMasking}.
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
                mask(cached.getEntity());
            }
            super.flush();
        }
    }

    /** Masks personal data in the free-text fields of one engine entity; other entities are left as they are. */
    static void mask(DbEntity entity) {
        if (entity instanceof CommentEntity comment) {
            comment.setMessage(masked(comment.getMessage()));
            if (comment.getFullMessage() != null) {
                comment.setFullMessage(masked(comment.getFullMessage()));
            }
        } else if (entity instanceof IncidentEntity incident) {
            incident.setIncidentMessage(masked(incident.getIncidentMessage()));
        } else if (entity instanceof JobEntity job) {
            job.setExceptionMessage(masked(job.getExceptionMessage()));
        } else if (entity instanceof ExternalTaskEntity task) {
            task.setErrorMessage(masked(task.getErrorMessage()));
        } else if (entity instanceof HistoricIncidentEventEntity incident) {
            incident.setIncidentMessage(masked(incident.getIncidentMessage()));
        } else if (entity instanceof HistoricJobLogEvent log) {
            log.setJobExceptionMessage(masked(log.getJobExceptionMessage()));
        } else if (entity instanceof HistoricExternalTaskLogEntity log) {
            log.setErrorMessage(masked(log.getErrorMessage()));
        } else if (entity instanceof UserOperationLogEntryEventEntity entry) {
            entry.setOrgValue(masked(entry.getOrgValue()));
            entry.setNewValue(masked(entry.getNewValue()));
        } else if (entity instanceof AttachmentEntity attachment) {
            attachment.setName(masked(attachment.getName()));
            attachment.setDescription(masked(attachment.getDescription()));
        } else if (entity instanceof ByteArrayEntity bytes && bytes.getName() != null
                && bytes.getName().endsWith(EXCEPTION_BYTE_ARRAY_SUFFIX) && bytes.getBytes() != null) {
            String text = new String(bytes.getBytes(), StandardCharsets.UTF_8);
            String maskedText = PersonalDataMasker.mask(text);
            if (!maskedText.equals(text)) {
                bytes.setBytes(maskedText.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String masked(String text) {
        return PersonalDataMasker.mask(text);
    }
}
