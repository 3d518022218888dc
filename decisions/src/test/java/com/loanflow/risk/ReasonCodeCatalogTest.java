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

/** Every code the rules, the route table or the model can emit has Chinese and English text. */
class ReasonCodeCatalogTest {

    @Test
    void describesEveryCodeTheRulesTablesAndModelEmit() throws IOException {
        Set<String> emitted = new TreeSet<>(CreditFeatures.CODES);
        emitted.addAll(codesIn("/com/loanflow/risk/rules/hard-rules.drl"));
        emitted.addAll(codesIn("/com/loanflow/risk/tables/risk-route.dmn"));
        assertThat(emitted).hasSizeGreaterThan(CreditFeatures.CODES.size() + 8);
        for (String code : emitted) {
            AdverseFactor factor = ReasonCodeCatalog.describe(code);
            assertThat(factor.description()).as(code).matches(".*\\p{IsHan}.* / [A-Z].*");
        }
    }

    @Test
    void refusesAnUnknownCode() {
        assertThatThrownBy(() -> ReasonCodeCatalog.describe("R_NO_SUCH_CODE"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> codesIn(String resource) throws IOException {
        try (InputStream in = ReasonCodeCatalogTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> codes = new TreeSet<>();
            Matcher m = Pattern.compile("\"(R_[A-Z_]+)\"").matcher(text);
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }
    }
}
