package com.loanflow.risk;

import com.loanflow.risk.model.CreditFeatures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every code the rules, the route and limit tables or the model can emit has Chinese and English text, from
 * RuleReasonCodes or else ReasonCodeCatalog.
 */
class ReasonCodeCatalogTest {

    @Test
    void describesEveryCodeTheRulesTablesAndModelEmit() throws IOException {
        Set<String> emitted = new TreeSet<>(CreditFeatures.CODES);
        emitted.addAll(codesIn("/com/loanflow/risk/rules/hard-rules.drl"));
        emitted.addAll(codesIn("/com/loanflow/risk/rules/hard-rules-v3.drl"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route-v1.dmn"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route-v2.dmn"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route-v3.dmn"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route-v4.dmn"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route-v5.dmn"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route-v6.dmn"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/limit-increase.dmn"));
        assertThat(emitted).contains("R_AGE", "R_IDENTITY", "R_POOR_CREDIT", "F_SHARED_DEVICE", "F_IP_BURST",
                "F_IP_REGION_MISMATCH", "L_ON_TIME_REPAYMENTS").doesNotContain("R_AGE_OUT_OF_RANGE",
                "R_IDENTITY_UNVERIFIED");
        assertThat(emitted).hasSizeGreaterThan(CreditFeatures.CODES.size() + 15);
        for (String code : emitted) {
            AdverseFactor factor = RuleReasonCodes.describe(code);
            assertThat(factor.description()).as(code).matches(".*\\p{IsHan}.* / [A-Z].*");
        }
    }

    @Test
    void refusesAnUnknownCode() {
        assertThatThrownBy(() -> ReasonCodeCatalog.describe("R_NO_SUCH_CODE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleReasonCodes.describe("R_NO_SUCH_CODE"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleTextsWinOverTheCatalog() {
        assertThat(RuleReasonCodes.describe("R_BLACKLIST").description()).contains("device");
        assertThat(RuleReasonCodes.describe("F_AGE")).isEqualTo(ReasonCodeCatalog.describe("F_AGE"));
    }

    private static Set<String> codesIn(String resource) throws IOException {
        try (InputStream in = ReasonCodeCatalogTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> codes = new TreeSet<>();
            Matcher m = Pattern.compile("\"([RFL]_[A-Z0-9_]+)\"").matcher(text);
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }
    }
}
