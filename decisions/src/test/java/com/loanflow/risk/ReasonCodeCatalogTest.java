package com.loanflow.risk;

import com.loanflow.risk.model.CreditFeatures;
import com.loanflow.risk.rules.HardRules;
import com.loanflow.risk.tables.LimitIncreaseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * The texts spell out thresholds that HardRuleLimits in the DRL declares ("the one place to change them"):
     * reading the limits from the rule set, a limit changed there without its text fails here. Both rule sets,
     * since a replayed 2.0 decision shows these texts too.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {HardRules.RESOURCE_V2, HardRules.RESOURCE_V3})
    void hardRuleTextsNameTheLimitsTheRulesUse(String resource) {
        HardRules rules = HardRules.fromResource(resource);
        int maxApplications = (int) rules.limit("maxApplications90Days");
        int minAge = (int) rules.limit("minApplicantAge");
        int maxAge = (int) rules.limit("maxApplicantAge");
        int minSevere = (int) rules.limit("minSevereDelinquencies");
        int maxPlatformApplications = (int) rules.limit("maxPlatformApplications90Days");
        int minBorrowersOnDevice = (int) rules.limit("minBorrowersOnDevice");
        int minIpApplications = (int) rules.limit("minApplicationsFromIpPerHour");
        for (String text : texts("R_MULTI_LENDING")) { // rule: bureau + own > max
            assertThat(chinese(text)).contains("超过" + maxApplications + "次");
            assertThat(english(text)).contains("More than " + maxApplications + " loan applications");
        }
        for (String text : texts("R_AGE")) { // rule: age < min or age > max
            assertThat(chinese(text)).contains(minAge + "至" + maxAge + "岁");
            assertThat(english(text)).contains("between " + minAge + " and " + maxAge + " years");
        }
        for (String text : texts("R_SEVERE_DELINQUENCY")) { // rule: 90+ late >= min
            assertThat(chinese(text)).contains("达" + minSevere + "次或更多");
            assertThat(english(text).toLowerCase(Locale.ROOT)).contains(spelled(minSevere) + " or more payments");
        }
        for (String text : texts("R_PLATFORM_VELOCITY")) { // rule: own applications > max
            assertThat(chinese(text)).contains("超过" + maxPlatformApplications + "次");
            assertThat(english(text)).contains("More than " + maxPlatformApplications + " applications");
        }
        for (String text : texts("F_SHARED_DEVICE")) { // rule: borrowers on the device >= min
            assertThat(chinese(text)).contains(minBorrowersOnDevice + "名或以上");
            assertThat(english(text)).contains(minBorrowersOnDevice + " or more borrowers");
        }
        for (String text : texts("F_IP_BURST")) { // rule: applications from the IP >= min; English spells it
            assertThat(chinese(text)).contains(minIpApplications + "笔或以上");
            assertThat(english(text).toLowerCase(Locale.ROOT)).startsWith(spelled(minIpApplications) + " or more");
        }
    }

    @Test
    void platformDelinquencyTextNamesTheFirstRejectedDayCount() {
        // rule: maxDaysPastDue > maxOwnDaysPastDue, so the text's "30 or more days" is the limit plus one
        int firstRejected = (int) HardRules.loadDefault().limit("maxOwnDaysPastDue") + 1;
        String text = RuleReasonCodes.describe("R_PLATFORM_DELINQUENCY").description();
        assertThat(chinese(text)).contains("逾期" + firstRejected + "天以上");
        assertThat(english(text)).contains(firstRejected + " or more days late");
    }

    @Test
    void limitIncreaseTextsNameTheTableThresholds() {
        // limit-increase.dmn has no limits object: find its thresholds by probing the table's rows instead
        LimitIncreaseTable table = LimitIncreaseTable.loadDefault();
        int firstLateDay = 0;
        while (firstLateDay < 100 && !"L_LATE_REPAYMENT".equals(table.step("A", 1, 6, firstLateDay).reasonCode())) {
            firstLateDay++;
        }
        int enoughOnTime = 0;
        while (enoughOnTime < 100 && "L_TOO_FEW_REPAYMENTS".equals(table.step("A", 1, enoughOnTime, 0).reasonCode())) {
            enoughOnTime++;
        }
        assertThat(firstLateDay).as("the table's \"> 3\"").isEqualTo(4);
        assertThat(enoughOnTime).as("the table's \"< 3\" refuses below").isEqualTo(3);
        String late = RuleReasonCodes.describe("L_LATE_REPAYMENT").description();
        assertThat(chinese(late)).contains("逾期" + (firstLateDay - 1) + "天以上");
        assertThat(english(late)).contains("more than " + (firstLateDay - 1) + " days late");
        String tooFew = RuleReasonCodes.describe("L_TOO_FEW_REPAYMENTS").description();
        assertThat(chinese(tooFew)).contains("不足" + enoughOnTime + "期");
        assertThat(english(tooFew)).contains("Fewer than " + enoughOnTime + " installments");
    }

    /** The borrower-facing text (RuleReasonCodes wins) and, where the catalog has its own, the catalog's too. */
    private static List<String> texts(String code) {
        List<String> texts = new ArrayList<>();
        texts.add(RuleReasonCodes.describe(code).description());
        if (ReasonCodeCatalog.codes().contains(code)) {
            texts.add(ReasonCodeCatalog.describe(code).description());
        }
        return texts;
    }

    private static String chinese(String text) {
        return text.substring(0, text.indexOf(" / "));
    }

    private static String english(String text) {
        return text.substring(text.indexOf(" / ") + 3);
    }

    /** English number words the texts use; a limit without one here needs its text (and this map) rewritten. */
    private static String spelled(int n) {
        String word = Map.of(3, "three", 5, "five").get(n);
        assertThat(word).as("no English word for the limit %d", n).isNotNull();
        return word;
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
