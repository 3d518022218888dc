package com.loanflow.risk.rules;

import com.loanflow.risk.RiskInput;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Drools hard rules. The KieBase is built once from the DRL text (not a file path, so it works from a nested
 * jar); each evaluation gets its own stateless session, which makes {@link #evaluate} safe to call concurrently.
 */
public final class HardRules {

    /** Rule set 2.0: kept so the decisions it made replay. */
    public static final String RESOURCE_V2 = "/com/loanflow/risk/rules/hard-rules.drl";
    /** Rule set 3.0 (today's): 2.0 and the applicant's repayment record on this platform. */
    public static final String RESOURCE_V3 = "/com/loanflow/risk/rules/hard-rules-v3.drl";
    public static final String RESOURCE = RESOURCE_V3;
    private static final String PACKAGE = "com.loanflow.risk.rules";

    private final KieBase kieBase;
    private final String version;

    private HardRules(KieBase kieBase) {
        this.kieBase = kieBase;
        this.version = limit("ruleSetVersion").toString();
    }

    public static HardRules loadDefault() {
        return fromResource(RESOURCE);
    }

    /** A rule set by classpath resource, so strategies can run different rule-set versions side by side. */
    public static HardRules fromResource(String resource) {
        try (InputStream in = HardRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule file missing: " + resource);
            }
            return fromDrl(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HardRules fromDrl(String drl) {
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                .setResourceType(ResourceType.DRL);
        resource.setSourcePath("src/main/resources" + RESOURCE); // path matches the package, as Drools expects
        try {
            return new HardRules(new KieHelper().addResource(resource).build());
        } catch (RuntimeException e) { // KieHelper reports compile errors as a RuntimeException listing them
            throw new IllegalStateException("hard-rules.drl does not compile: " + e.getMessage(), e);
        }
    }

    public String version() {
        return version;
    }

    /** Rejection codes and review flags of every rule that fired, sorted; both empty when none did. */
    public RuleHits evaluate(RiskInput input) {
        HardRuleHits hits = new HardRuleHits();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("hits", hits);
        List<Object> facts = new ArrayList<>();
        facts.add(input);
        if (input.report() != null) {
            facts.add(input.report());
        }
        facts.add(input.fraudIndicators());
        facts.add(input.platformHistory());
        session.execute(facts);
        return hits.result();
    }

    /** A threshold as declared in the DRL, so tests probe both sides of the value the rules really use. */
    public Object limit(String name) {
        FactType limits = kieBase.getFactType(PACKAGE, "HardRuleLimits");
        try {
            return limits.get(limits.newInstance(), name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HardRuleLimits not declared in hard-rules.drl", e);
        }
    }
}
