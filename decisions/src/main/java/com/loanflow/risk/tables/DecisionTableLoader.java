package com.loanflow.risk.tables;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Parses DMN tables from the classpath (works inside nested jars) with one shared, thread-safe DMN engine. */
final class DecisionTableLoader {

    /** The default engine, with a FEEL engine that parses each cell once instead of on every evaluation. */
    static final DmnEngine ENGINE = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).feelEngineFactory(CachingFeelEngine::new).buildEngine();

    /** A parsed decision and its version, e.g. "risk-route-1.1": the table kind and the camunda:versionTag. */
    record LoadedDecision(DmnDecision decision, String version) {
    }

    private DecisionTableLoader() {
    }

    /**
     * A money output of a table (typeRef double, e.g. 2000 or 18.5) as an exact amount in fen. A double of a short
     * decimal converts exactly through its shortest representation; anything that is not a whole number of fen (a
     * table edited to 18.125, say) is refused rather than rounded, so a table can never move money by rounding.
     */
    static java.math.BigDecimal money(Object value, String output) {
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("decision output " + output + " is not a number: " + value);
        }
        java.math.BigDecimal amount = number instanceof java.math.BigDecimal exact ? exact
                : java.math.BigDecimal.valueOf(number.doubleValue());
        try {
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException notWholeFen) {
            throw new IllegalStateException("decision output " + output + " = " + amount + " is not a whole number"
                    + " of fen", notWholeFen);
        }
    }

    static LoadedDecision fromClasspath(String resource, String decisionId, String versionPrefix) {
        try (InputStream in = DecisionTableLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("decision table missing: " + resource);
            }
            return parse(in, decisionId, versionPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param decisionId the decision to take, or null for the file's only decision (versions of one table keep
     *                   distinct ids, because the engine auto-deploys every .dmn and refuses a key twice)
     */
    static LoadedDecision parse(InputStream dmn, String decisionId, String versionPrefix) {
        DmnModelInstance model = Dmn.readModelFromStream(dmn);
        if (decisionId == null) {
            var decisions = model.getModelElementsByType(Decision.class);
            if (decisions.size() != 1) {
                throw new IllegalStateException("expected exactly one decision, found " + decisions.size());
            }
            decisionId = decisions.iterator().next().getId();
        }
        Decision element = model.getModelElementById(decisionId);
        if (element == null || element.getVersionTag() == null) {
            throw new IllegalStateException("decision " + decisionId + " missing or without camunda:versionTag");
        }
        return new LoadedDecision(ENGINE.parseDecision(decisionId, model), versionPrefix + "-" + element.getVersionTag());
    }
}
