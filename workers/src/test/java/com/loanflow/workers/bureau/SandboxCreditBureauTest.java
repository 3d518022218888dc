package com.loanflow.workers.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxCreditBureauTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final SandboxCreditBureau bureau = new SandboxCreditBureau(SandboxLatency.none(), clock);

    @Test
    void sandboxIdentitiesGetTheDocumentedReports() {
        assertThat(ask(bureau, "110101199003070011"))
                .isEqualTo(new CreditReport(0, 1, 2, 1, false, false, 0.15, 36, 0, 0.25, 12000.0, 6, 0, 1, 0, 1));
        CreditReport liSi = ask(bureau, "440306199208150030");
        assertThat(liSi.revolvingUtilization()).isEqualTo(0.85);
        assertThat(liSi.applicationsLast90Days()).isEqualTo(5);
        assertThat(liSi.pastDue30To59Days()).isEqualTo(1);
        assertThat(ask(bureau, "310115198801010049").applicationsLast90Days()).isEqualTo(12);
        assertThat(ask(bureau, "510107199506200052").age()).isEqualTo(31);
        assertThat(ask(bureau, "330106197909090063").courtEnforcement()).isTrue();
        assertThat(ask(bureau, "110105199305120016"))
                .isEqualTo(new CreditReport(0, 1, 2, 1, false, false, 0.15, 33, 0, 0.25, 12000.0, 6, 0, 1, 0, 1));
    }

    @Test
    void theSameIdNumberAlwaysGetsTheSameReport() {
        String id = idNumber("11010519870412123");
        assertThat(ask(new SandboxCreditBureau(SandboxLatency.none(), clock), id)).isEqualTo(ask(bureau, id));
    }

    @Test
    void otherIdentitiesGetAgeFromTheirBirthDateAndFewApplications() {
        CreditReport report = ask(bureau, idNumber("11010519870412123"));
        assertThat(report.age()).isEqualTo(39);
        assertThat(report.applicationsLast7Days()).isBetween(0, report.applicationsLast30Days());
        assertThat(report.applicationsLast30Days()).isLessThanOrEqualTo(report.applicationsLast90Days());
        assertThat(report.applicationsLast90Days()).isLessThanOrEqualTo(5);
        assertThat(report.courtEnforcement()).isFalse();
    }

    @Test
    void differentPeopleAreSpreadOverTheSample() {
        Set<CreditReport> reports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            reports.add(ask(bureau, idNumber("110105198501" + String.format("%02d", 1 + i % 28) + String.format("%03d", i))));
        }
        assertThat(reports).hasSizeGreaterThan(40);
    }

    @Test
    void sampleKeepsNaAsNull() {
        List<GmscSample.Row> rows = GmscSample.load();
        assertThat(rows).hasSize(2000);
        assertThat(rows).anyMatch(r -> r.monthlyIncome() == null);
        assertThat(rows).anyMatch(r -> r.dependents() == null);
    }

    @Test
    void refusesAnInvalidIdNumber() {
        String valid = idNumber("11010519870412123");
        String wrongCheck = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
        assertThatThrownBy(() -> ask(bureau, wrongCheck)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportJsonUsesTheRiskLibraryKeysAndWritesNulls() throws Exception {
        // as PlatformClient sends it to the platform (Jackson, like the RestClient's message converter)
        JsonNode json = new ObjectMapper().valueToTree(
                new CreditReport(0, 1, 2, 1, false, true, 0.15, 36, 0, 0.25, null, 6, 0, 1, 0, null));
        List<String> keys = List.of("applicationsLast7Days", "applicationsLast30Days", "applicationsLast90Days",
                "currentLoans", "courtEnforcement", "thinFile", "revolvingUtilization", "age", "pastDue30To59Days",
                "debtRatio", "monthlyIncome", "openCreditLinesAndLoans", "pastDue90DaysOrMore", "realEstateLoans",
                "pastDue60To89Days", "dependents");
        assertThat(json.size()).isEqualTo(keys.size());
        assertThat(keys).allSatisfy(key -> assertThat(json.has(key)).as(key).isTrue());
        assertThat(json.get("monthlyIncome").isNull()).isTrue();
    }

    private static String idNumber(String first17) {
        String id = first17 + ChineseIdNumber.checkCharacter(first17);
        if (!ChineseIdNumber.isValid(id)) {
            throw new AssertionError("test ID invalid");
        }
        return id;
    }

    /** A new query (a fresh reference). */
    static CreditReport ask(SandboxCreditBureau bureau, String idNumber) {
        return bureau.report(idNumber, java.util.UUID.randomUUID().toString());
    }

    @Test
    void aRepeatedReferenceIsAnsweredAgainWithoutASecondBill() {
        SandboxCreditBureau sandbox = new SandboxCreditBureau(SandboxLatency.none());
        String id = idNumber("11010519870412123");
        CreditReport first = sandbox.report(id, "query-1");
        assertThat(sandbox.report(id, "query-1")).isEqualTo(first);
        assertThat(sandbox.queries()).isEqualTo(1);
        sandbox.report(id, "query-2");
        assertThat(sandbox.queries()).as("another query is another bill").isEqualTo(2);
    }

    @Test
    void sequenceNumber999MeetsAnOutageForTheFirstTwoAttemptsOfEachQuery() {
        SandboxCreditBureau sandbox = new SandboxCreditBureau(SandboxLatency.none());
        String id = idNumber("11010519870412999");
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> sandbox.report(id, "query-x"))
                    .isInstanceOf(com.loanflow.workers.platform.RetryableFailure.class);
        }
        assertThat(sandbox.report(id, "query-x")).isNotNull();
        assertThat(sandbox.queries()).as("only the answered attempt is billed").isEqualTo(1);
    }
}
