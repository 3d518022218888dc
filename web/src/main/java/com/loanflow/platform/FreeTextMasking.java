package com.loanflow.platform;

import com.loanflow.shared.logging.PersonalDataMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The free-text fields people type in Tasklist (a reviewer's comment, an operator's resolution note) are the one place
 * where raw personal data could enter the engine: a reviewer writes "called 13812345678". Phone, ID and card numbers
 * in them are masked before they reach any engine table: when the task completes (the runtime variable, and so the
 * platform's review record), and in every history event, ahead of the database history handler (ACT_HI_VARINST and
 * ACT_HI_DETAIL would otherwise keep the value as first submitted).
 */
@Component
class FreeTextMasking extends AbstractProcessEnginePlugin {

    static final Set<String> FREE_TEXT_VARIABLES = Set.of("reviewComment", "resolutionNote");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(
                new CompositeHistoryEventHandler(new MaskingHistoryHandler(), new DbHistoryEventHandler()));
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, FreeTextMasking::maskOnCompletion);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    static void maskOnCompletion(DelegateTask task) {
        for (String name : FREE_TEXT_VARIABLES) {
            if (task.getVariable(name) instanceof String text) {
                String masked = PersonalDataMasker.mask(text);
                if (!masked.equals(text)) {
                    task.setVariable(name, masked);
                }
            }
        }
    }

    static void maskHistoricFreeText(org.camunda.bpm.engine.impl.history.event.HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity update
                && FREE_TEXT_VARIABLES.contains(update.getVariableName()) && update.getTextValue() != null) {
            update.setTextValue(PersonalDataMasker.mask(update.getTextValue()));
            update.setTextValue2(PersonalDataMasker.mask(update.getTextValue2()));
        }
        // Tasklist submits the form (submit-form): each field is also kept as a FormProperty detail
        if (event instanceof org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity property
                && FREE_TEXT_VARIABLES.contains(property.getPropertyId())
                && property.getPropertyValue() instanceof String text) {
            property.setPropertyValue(PersonalDataMasker.mask(text));
        }
    }

    /** Masks the free-text variables' values in history events; runs before the database handler writes them. */
    static final class MaskingHistoryHandler implements HistoryEventHandler {

        @Override
        public void handleEvent(org.camunda.bpm.engine.impl.history.event.HistoryEvent historyEvent) {
            maskHistoricFreeText(historyEvent);
        }

        @Override
        public void handleEvents(List<org.camunda.bpm.engine.impl.history.event.HistoryEvent> historyEvents) {
            historyEvents.forEach(FreeTextMasking::maskHistoricFreeText);
        }
    }
}
