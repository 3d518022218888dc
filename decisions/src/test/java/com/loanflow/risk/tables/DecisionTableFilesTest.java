package com.loanflow.risk.tables;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables are also auto-deployed into the process engine in one deployment: valid DMN 1.3, versioned, and
 * decision ids unique across all files (two versions of a table sharing an id would stop the platform starting).
 */
class DecisionTableFilesTest {

    @Test
    void tablesAreSchemaValidDmn13WithUniqueVersionedDecisions() throws Exception {
        List<String> decisionIds = new ArrayList<>();
        for (String resource : List.of(RiskRouteTable.RESOURCE_V1, RiskRouteTable.RESOURCE_V2,
                RiskRouteTable.RESOURCE_V3, RiskRouteTable.RESOURCE_V4, RiskRouteTable.RESOURCE_V5, RiskRouteTable.RESOURCE_V6,
                CreditTermsTable.RESOURCE, LimitIncreaseTable.RESOURCE)) {
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                DmnModelInstance model = Dmn.readModelFromStream(in);
                Dmn.validateModel(model);
                Definitions definitions = model.getDefinitions();
                assertThat(definitions.getDomElement().getNamespaceURI())
                        .isEqualTo("https://www.omg.org/spec/DMN/20191111/MODEL/");
                for (Decision decision : model.getModelElementsByType(Decision.class)) {
                    decisionIds.add(decision.getId());
                    assertThat(decision.getVersionTag()).as(decision.getId()).isNotBlank();
                }
            }
        }
        assertThat(decisionIds).containsExactly("RiskRoute", "RiskRouteV2", "RiskRouteV3", "RiskRouteV4", "RiskRouteV5",
                "RiskRouteV6", "CreditTerms",
                "LimitIncrease");
    }
}
