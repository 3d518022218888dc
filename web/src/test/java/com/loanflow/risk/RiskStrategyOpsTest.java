package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.risk.strategy.Arm;
import com.loanflow.risk.strategy.ArmDecision;
import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.StrategyDecision;
import com.loanflow.risk.strategy.StrategySpec;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decision records carry both arms and replay to the same result with their own strategy; tampering with the
 * stored input or outcome is caught; the comparison counts both arms on the same applications and only reports a
 * default rate once loans have aged. Data written here is rolled back.
 */
@PlatformTest
class RiskStrategyOpsTest {

    static final CreditBureauReport ZHANG_SAN = new CreditBureauReport(0, 1, 2, 1, false, false,
            0.15, 36, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);
    static final CreditBureauReport LI_SI = new CreditBureauReport(1, 3, 5, 3, false, false,
            0.85, 34, 1, 0.55, 5000.0, 9, 0, 0, 0, 2);
    static final CreditBureauReport WANG_WU = new CreditBureauReport(4, 8, 12, 1, false, false,
            0.15, 38, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);

    @Autowired
    ChampionChallenger strategies;
    @Autowired
    RiskMapper mapper;
    @Autowired
    DecisionReplay replay;
    @Autowired
    StrategyComparison comparison;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;
    @Autowired
    com.loanflow.application.Applications applications;
    @LocalServerPort
    int port;

    private <T> T rolledBack(java.util.function.Supplier<T> work) {
        return transaction.execute(tx -> {
            try {
                return work.get();
            } finally {
                tx.setRollbackOnly();
            }
        });
    }

    /** A borrower and an application id that the split sends to {@code arm}. */
    private String application(Arm arm) {
        String applicationId = Ids.newId();
        while (strategies.assign(applicationId) != arm) {
            applicationId = Ids.newId();
        }
        String borrowerId = Ids.newId();
        LocalDateTime now = LocalDateTime.now().withNano(0);
        jdbc.update("INSERT INTO borrower (id, phone_enc, phone_idx, phone_masked, password_hash, verification_status,"
                + " created_at) VALUES (?, 'test', ?, '139****0000', 'test', 'VERIFIED', ?)", borrowerId,
                (borrowerId + borrowerId).replace("-", "").substring(0, 64), now);
        jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount, term_months,"
                + " bank_card_enc, bank_card_idx, bank_card_masked, purpose, status, created_at, updated_at)"
                + " VALUES (?, ?, ?, 1000.00, 6, 'test', ?, '6222****0007', 'CONSUMPTION', 'ASSESSING', ?, ?)",
                applicationId, borrowerId, applicationId, (applicationId + applicationId).replace("-", "")
                        .substring(0, 64), now, now);
        return applicationId;
    }

    private DecisionRecord decide(String applicationId, CreditBureauReport report) {
        RiskInput input = new RiskInput(applicationId, report.age(), true, false, 1, new BigDecimal("1000.00"), 6,
                report, new FraudIndicators(1, 1, false));
        return record(input, strategies.decide(input));
    }

    private DecisionRecord record(RiskInput input, StrategyDecision both) {
        try {
            DecisionRecord record = AssessRiskDelegate.record(Ids.newId(), input, both, json,
                    LocalDateTime.now().withNano(0));
            mapper.insertDecision(record);
            return record;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRecordKeepsBothArmsAndReplaysToTheSameResult() {
        for (Arm arm : Arm.values()) {
            DecisionReplay.Result result = rolledBack(() -> {
                String applicationId = application(arm);
                DecisionRecord record = decide(applicationId, LI_SI);
                DecisionRecord stored = mapper.findDecision(applicationId).orElseThrow();
                assertThat(stored.arm()).isEqualTo(arm.name());
                assertThat(stored.strategyName()).isEqualTo(strategies.strategy(arm).name());
                assertThat(stored.shadowStrategyName()).isNotEqualTo(stored.strategyName()).isNotBlank();
                assertThat(stored.shadowOutcome()).isEqualTo("REVIEW");
                assertThat(stored.creditLimit()).isEqualByComparingTo("1000.00");
                assertThat(stored.aprPercent()).isEqualByComparingTo("22.00");
                assertThat(stored.inputSha256()).isEqualTo(record.inputSha256());
                assertThat(stored.inputJson()).contains("\"requestedAmount\"").doesNotContain("idNumber")
                        .doesNotContain("phone").doesNotContain("name\"");
                return replay.replay(applicationId);
            });
            assertThat(result.arm()).isEqualTo(arm.name());
            assertThat(result.inputHashMatches()).isTrue();
            assertThat(result.sameResult()).isTrue();
            assertThat(result.replayed()).isEqualTo(result.recorded());
            assertThat(result.recorded().outcome()).isEqualTo("REVIEW");
            assertThat(result.recorded().reasonCodes()).containsExactly("R_BORDERLINE_SCORE");
            assertThat(result.shadow().sameResult()).isTrue();
            assertThat(result.shadow().arm()).isNotEqualTo(arm.name());
        }
    }

    @Test
    void replayUsesTheRecordedStrategyEvenWhenItIsNoLongerConfigured() {
        // the retired champion's table (risk-route-v1.dmn), still in the jar for exactly this
        StrategySpec retired = new StrategySpec("retired-v0", StrategySpec.CHAMPION.ruleSet(),
                com.loanflow.risk.tables.RiskRouteTable.RESOURCE_V1, StrategySpec.CHAMPION.creditTerms(),
                StrategySpec.CHAMPION.limitIncrease(), StrategySpec.CHAMPION.model(), new BigDecimal("23.00"));
        DecisionReplay.Result result = rolledBack(() -> {
            String applicationId = application(Arm.CHAMPION);
            RiskInput input = new RiskInput(applicationId, 36, true, false, 1, new BigDecimal("1000.00"), 6,
                    ZHANG_SAN);
            ArmDecision live = strategies.decide(Arm.CHAMPION, retired, input);
            ArmDecision shadow = strategies.decide(Arm.CHALLENGER, strategies.challenger(), input);
            record(input, new StrategyDecision(live, shadow));
            return replay.replay(applicationId);
        });
        assertThat(result.strategy()).isEqualTo("retired-v0");
        assertThat(result.recorded().tableVersion()).startsWith("risk-route-1.1");
        assertThat(result.sameResult()).isTrue();
    }

    @Test
    void aRecordFromBeforeTheVersionNamedThePricingReplaysOnThePartsItNames() {
        String[] versions = new String[2];
        DecisionReplay.Result result = rolledBack(() -> {
            String applicationId = application(Arm.CHAMPION);
            decide(applicationId, LI_SI);
            versions[0] = jdbc.queryForObject("SELECT table_version FROM risk_decision WHERE application_id = ?",
                    String.class, applicationId);
            versions[1] = versions[0].substring(0, versions[0].indexOf("+limit-increase"));
            // as recorded before 2026-11-26: route and terms only
            jdbc.update("UPDATE risk_decision SET table_version = ? WHERE application_id = ?", versions[1],
                    applicationId);
            return replay.replay(applicationId);
        });
        assertThat(versions[0]).endsWith("+limit-increase-1.0+" + com.loanflow.risk.RiskEngine.PRICING_LOGIC_VERSION);
        assertThat(result.sameResult()).isTrue();
        assertThat(result.replayed().tableVersion()).isEqualTo(versions[1]);
        // a version that differs in a part it names still differs
        ArmOutcome recorded = result.recorded();
        ArmOutcome other = new ArmOutcome(recorded.strategy(), recorded.outcome(), recorded.reasonCodes(),
                recorded.ruleHits(), recorded.defaultProbability(), recorded.riskTier(), recorded.reviewGroup(),
                recorded.creditLimit(), recorded.aprPercent(), recorded.ruleSetVersion(),
                "risk-route-9.0+credit-terms-1.0+limit-increase-1.0+pricing-2", recorded.modelVersion(),
                recorded.limitReasonCode(), recorded.adverseFactors());
        assertThat(DecisionReplay.sameVersionsAsRecorded(recorded, other)).isNotEqualTo(recorded);
    }

    @Test
    void adverseFactorsReplayExactlyAndARecordFromBeforeTheExplanationWasVersionedIsComparedWithoutThem() {
        DecisionReplay.Result[] results = rolledBack(() -> {
            String current = application(Arm.CHAMPION);
            decide(current, LI_SI);
            DecisionReplay.Result same = replay.replay(current);
            // what the borrower was told changed after the decision: the replay says so (another application: the
            // first one's record is in MyBatis's session cache now, and JdbcTemplate updates do not clear it)
            String changed = application(Arm.CHAMPION);
            decide(changed, LI_SI);
            jdbc.update("UPDATE risk_decision SET adverse_factors = 'F_DEPENDENTS' WHERE application_id = ?", changed);
            DecisionReplay.Result edited = replay.replay(changed);
            // decided under the earlier explanation (model version without "+reasons-2"): factors not compared
            String older = application(Arm.CHAMPION);
            decide(older, LI_SI);
            jdbc.update("UPDATE risk_decision SET adverse_factors = 'F_DEPENDENTS', model_version = 'gmsc-xgb-v2'"
                    + " WHERE application_id = ?", older);
            return new DecisionReplay.Result[] {same, edited, replay.replay(older)};
        });
        assertThat(results[0].sameResult()).isTrue();
        assertThat(results[0].recorded().modelVersion()).endsWith("+" + com.loanflow.risk.model.DefaultProbabilityModel.EXPLANATION_VERSION);
        assertThat(results[0].recorded().adverseFactors()).isNotEmpty()
                .isEqualTo(results[0].replayed().adverseFactors());
        assertThat(results[1].sameResult()).isFalse();
        assertThat(results[1].recorded().adverseFactors()).containsExactly("F_DEPENDENTS");
        assertThat(results[2].sameResult()).isTrue();
        assertThat(results[2].replayed().modelVersion()).isEqualTo("gmsc-xgb-v2");
    }

    /** 李四 decided on {@code arm}, the one row changed by {@code update} (SET ...), and replayed; rolled back. */
    private DecisionReplay.Result replayedAfter(Arm arm, String update) {
        return rolledBack(() -> {
            String applicationId = application(arm);
            decide(applicationId, LI_SI);
            assertThat(jdbc.update("UPDATE risk_decision " + update + " WHERE application_id = ?", applicationId))
                    .isEqualTo(1);
            return replay.replay(applicationId);
        });
    }

    @Test
    void aTamperedStoredInputIsDetected() {
        DecisionReplay.Result result = replayedAfter(Arm.CHAMPION, "SET input_json = REPLACE(input_json,"
                + " '\"blacklistHit\":false', '\"blacklistHit\":true')");
        assertThat(result.inputHashMatches()).isFalse();
        assertThat(result.sameResult()).isFalse();
        assertThat(result.recorded().outcome()).isEqualTo("REVIEW");
        assertThat(result.replayed().outcome()).isEqualTo("REJECT");
        assertThat(result.replayed().reasonCodes()).containsExactly("R_BLACKLIST");
    }

    /** A live strategy whose table is no longer shipped replays to an answer that says so, not to a server error. */
    @Test
    void aLiveStrategyThatCannotRunAnyMoreReplaysToItsFailure() {
        DecisionReplay.Result result = replayedAfter(Arm.CHAMPION,
                "SET strategy_spec = REPLACE(strategy_spec, 'risk-route-v5.dmn', 'risk-route-retired.dmn')");
        assertThat(result.inputHashMatches()).isTrue();
        assertThat(result.sameResult()).isFalse();
        assertThat(result.recorded().outcome()).isEqualTo("REVIEW");
        assertThat(result.replayed()).isNull();
        assertThat(result.replayFailure()).contains("risk-route-retired.dmn");
    }

    @Test
    void anUnreadableTamperedInputIsRefusedSayingItWasChanged() {
        assertThatThrownBy(() -> replayedAfter(Arm.CHAMPION,
                "SET input_json = REPLACE(input_json, '\"termMonths\":6', '\"termMonths\":\"six\"')"))
                .isInstanceOf(com.loanflow.shared.ApiException.class)
                .hasMessageContaining("cannot be read and its input does not match its SHA-256");
    }

    /** One decision per application is the database's rule, whatever the code in front of it checks first. */
    @Test
    void theDatabaseRefusesASecondDecisionForAnApplication() {
        assertThatThrownBy(() -> rolledBack(() -> {
            String applicationId = application(Arm.CHAMPION);
            decide(applicationId, LI_SI);
            return decide(applicationId, ZHANG_SAN);
        })).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void aTamperedStoredOutcomeIsDetected() {
        DecisionReplay.Result result = replayedAfter(Arm.CHALLENGER, "SET outcome = 'APPROVE'");
        assertThat(result.inputHashMatches()).isTrue();
        assertThat(result.sameResult()).isFalse();
        assertThat(result.recorded().outcome()).isEqualTo("APPROVE");
        assertThat(result.replayed().outcome()).isEqualTo("REVIEW");
    }

    @Test
    void comparisonCountsBothArmsOnTheSameApplications() {
        Map<String, StrategyComparison.ArmComparison>[] snapshots = rolledBack(() -> {
            var before = byArm(comparison.compare());
            for (Arm arm : Arm.values()) {
                decide(application(arm), ZHANG_SAN);  // approve in both arms
                decide(application(arm), LI_SI);      // review in both arms
                decide(application(arm), WANG_WU);    // reject in both arms
            }
            @SuppressWarnings("unchecked")
            Map<String, StrategyComparison.ArmComparison>[] both = new Map[] {before, byArm(comparison.compare())};
            return both;
        });
        for (Arm arm : Arm.values()) {
            var before = snapshots[0].get(arm.name());
            var after = snapshots[1].get(arm.name());
            assertThat(after.strategy()).isEqualTo(strategies.strategy(arm).name());
            assertThat(after.volume() - before.volume()).as("live decisions of %s", arm).isEqualTo(3);
            assertThat(after.scored() - before.scored()).as("live + shadow of %s", arm).isEqualTo(6);
            assertThat(after.approved() - before.approved()).isEqualTo(2);
            assertThat(after.reviewed() - before.reviewed()).isEqualTo(2);
            assertThat(after.rejected() - before.rejected()).isEqualTo(2);
            assertThat(after.approveRate()).isEqualByComparingTo(BigDecimal.valueOf(after.approved())
                    .divide(BigDecimal.valueOf(after.scored()), 4, java.math.RoundingMode.HALF_EVEN));
            assertThat(after.meanDefaultProbability()).isNotNull();
            assertThat(after.meanApprovedDefaultProbability()).as("张三's PDs only").isNotNull()
                    .isLessThan(after.meanDefaultProbability());
        }
    }

    @Test
    void aFailedShadowIsRecordedCountedAsAFailureAndReplaysAsOne() {
        // a challenger whose table is gone: the live champion decision stands and the record says why the shadow failed
        StrategySpec broken = new StrategySpec("broken-challenger-test", StrategySpec.CHAMPION.ruleSet(),
                "/com/loanflow/risk/tables/risk-route-missing.dmn", StrategySpec.CHAMPION.creditTerms(),
                StrategySpec.CHAMPION.limitIncrease(), StrategySpec.CHAMPION.model(), new BigDecimal("24.00"));
        Object[] out = rolledBack(() -> {
            String applicationId = application(Arm.CHAMPION);
            RiskInput input = new RiskInput(applicationId, 34, true, false, 1, new BigDecimal("1000.00"), 6, LI_SI);
            ArmDecision live = strategies.decide(Arm.CHAMPION, strategies.champion(), input);
            record(input, new StrategyDecision(live, null, new StrategyDecision.ShadowFailure(Arm.CHALLENGER, broken,
                    "IllegalStateException: risk-route matched no row for PD 0.2276")));
            DecisionRecord stored = mapper.findDecision(applicationId).orElseThrow();
            StrategyComparison.ArmComparison brokenArm = comparison.compare().arms().stream()
                    .filter(a -> a.strategy().equals(broken.name())).findFirst().orElseThrow();
            return new Object[] {stored, brokenArm, replay.replay(applicationId)};
        });
        DecisionRecord stored = (DecisionRecord) out[0];
        assertThat(stored.outcome()).isEqualTo("REVIEW");
        assertThat(stored.shadowStrategyName()).isEqualTo("broken-challenger-test");
        assertThat(stored.shadowOutcome()).isNull();
        assertThat(stored.shadowDefaultProbability()).isNull();
        assertThat(stored.shadowDecision()).contains("\"failure\":\"IllegalStateException: risk-route matched no row");
        var brokenArm = (StrategyComparison.ArmComparison) out[1];
        assertThat(brokenArm.arm()).isEqualTo("CHALLENGER");
        assertThat(brokenArm.shadowFailures()).isEqualTo(1);
        assertThat(brokenArm.scored()).isZero();
        assertThat(brokenArm.volume()).isZero();
        assertThat(brokenArm.approveRate()).isNull();
        var replayed = (DecisionReplay.Result) out[2];
        assertThat(replayed.sameResult()).isTrue();
        assertThat(replayed.shadow().recordedFailure()).contains("matched no row");
        assertThat(replayed.shadow().replayedFailure()).as("the missing table fails the replay too").isNotNull();
        assertThat(replayed.shadow().recorded()).isNull();
        assertThat(replayed.shadow().sameResult()).isTrue();
        assertThat(DecisionReplay.failureType("IllegalStateException: risk-route matched no row"))
                .isEqualTo(DecisionReplay.failureType(replayed.shadow().replayedFailure()));
        assertThat(DecisionReplay.failureType("ArithmeticException")).isEqualTo("ArithmeticException");
        assertThat(DecisionReplay.failureType(null)).isEmpty();
    }

    @Test
    void aShadowStoredBeforeFactorsAndFailuresWereKeptStillReplays() throws Exception {
        DecisionReplay.Result result = rolledBack(() -> {
            String applicationId = application(Arm.CHAMPION);
            decide(applicationId, LI_SI);
            String stored = jdbc.queryForObject("SELECT shadow_decision FROM risk_decision WHERE application_id = ?",
                    String.class, applicationId);
            try {
                // as written before 2026-11-27: no adverseFactors, the model version without the explanation's
                com.fasterxml.jackson.databind.node.ObjectNode shadow =
                        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(stored);
                com.fasterxml.jackson.databind.node.ObjectNode outcome =
                        (com.fasterxml.jackson.databind.node.ObjectNode) shadow.get("outcome");
                assertThat(outcome.remove("adverseFactors")).isNotNull();
                outcome.put("modelVersion", outcome.get("modelVersion").asText().replace("+reasons-2", ""));
                assertThat(shadow.has("failure")).isFalse();
                jdbc.update("UPDATE risk_decision SET shadow_decision = ? WHERE application_id = ?",
                        json.writeValueAsString(shadow), applicationId);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return replay.replay(applicationId);
        });
        assertThat(result.shadow().recorded().adverseFactors()).isEmpty();
        assertThat(result.shadow().recorded().modelVersion()).isEqualTo("gmsc-xgb-v2");
        assertThat(result.shadow().recordedFailure()).isNull();
        assertThat(result.shadow().sameResult()).isTrue();
        assertThat(result.sameResult()).isTrue();
    }

    @Test
    void defaultRateCountsLoansEverMoreThanThirtyDaysPastDueAndTheFirstInstallmentRateAFixedHorizon() {
        var snapshots = rolledBack(() -> {
            var before = byArm(comparison.compare()).get("CHAMPION");
            String defaulted = application(Arm.CHAMPION);
            String paid = application(Arm.CHAMPION);
            String young = application(Arm.CHAMPION);
            String paidLate = application(Arm.CHAMPION);
            String paidThirtyDaysLate = application(Arm.CHAMPION);
            String inItsThirtyFirstDay = application(Arm.CHAMPION);
            String secondInstallmentDefaulted = application(Arm.CHAMPION);
            loan(defaulted, LocalDate.now().minusDays(32), false, 0); // unpaid at the end of day 31, not accrued yet
            // neither aged nor a default: it can become one only at the end of today
            loan(inItsThirtyFirstDay, LocalDate.now().minusDays(31), false, 30);
            loan(paid, LocalDate.now().minusDays(40), true, 0);
            loan(young, LocalDate.now().plusDays(20), false, 0);
            // collected after 31 days late: still a default; 30 days late is not more than 30
            loan(paidLate, LocalDate.now().minusDays(50), true, 31);
            loan(paidThirtyDaysLate, LocalDate.now().minusDays(50), true, 30);
            // the first installment paid on time, the second 40 days late: a default, but not of the first installment
            String twoInstallments = loan(secondInstallmentDefaulted, LocalDate.now().minusDays(70), true, 0);
            installment(twoInstallments, 2, LocalDate.now().minusDays(40), false, 40);
            // decisions last: MyBatis inserts clear its session cache, JdbcTemplate inserts do not
            for (String id : new String[] {defaulted, paid, young, paidLate, paidThirtyDaysLate, inItsThirtyFirstDay,
                    secondInstallmentDefaulted}) {
                decide(id, ZHANG_SAN);
            }
            return new StrategyComparison.ArmComparison[] {before, byArm(comparison.compare()).get("CHAMPION")};
        });
        var before = snapshots[0];
        var after = snapshots[1];
        assertThat(after.loansActivated() - before.loansActivated()).isEqualTo(7);
        assertThat(after.loansAged() - before.loansAged()).isEqualTo(5);
        assertThat(after.loansDefaulted() - before.loansDefaulted())
                .as("unpaid past its 31st day, paid after 31 days late, a second installment 40 days late")
                .isEqualTo(3);
        assertThat(after.defaultRate()).as("defaulted among the loans aged enough to have defaulted")
                .isEqualByComparingTo(BigDecimal.valueOf(after.loansDefaulted())
                        .divide(BigDecimal.valueOf(after.loansAged()), 4, java.math.RoundingMode.HALF_EVEN));
        assertThat(after.defaultRateNote()).isNull();
        assertThat(after.firstInstallmentsAged() - before.firstInstallmentsAged()).isEqualTo(5);
        assertThat(after.firstInstallmentDefaults() - before.firstInstallmentDefaults())
                .as("only the two whose first installment went more than 30 days past due").isEqualTo(2);
        assertThat(after.firstInstallmentDefaultRate())
                .isEqualByComparingTo(BigDecimal.valueOf(after.firstInstallmentDefaults())
                        .divide(BigDecimal.valueOf(after.firstInstallmentsAged()), 4, java.math.RoundingMode.HALF_EVEN));
    }

    private String loan(String applicationId, LocalDate dueDate, boolean paid, int maxDaysPastDue) {
        String loanId = Ids.newId();
        String borrowerId = jdbc.queryForObject("SELECT borrower_id FROM loan_application WHERE id = ?", String.class,
                applicationId);
        jdbc.update("INSERT INTO loan (id, application_id, borrower_id, principal, apr_percent, term_months,"
                + " outstanding_principal, outstanding_interest, status, disbursed_at) VALUES (?, ?, ?, 1000.00,"
                + " 18.00, 1, 1000.00, 15.00, 'ACTIVE', ?)", loanId, applicationId, borrowerId,
                LocalDateTime.now().minusDays(60).withNano(0));
        installment(loanId, 1, dueDate, paid, maxDaysPastDue);
        return loanId;
    }

    private void installment(String loanId, int seq, LocalDate dueDate, boolean paid, int maxDaysPastDue) {
        jdbc.update("INSERT INTO installment (id, loan_id, seq, due_date, principal_due, interest_due, principal_paid,"
                + " interest_paid, status, max_days_past_due) VALUES (?, ?, ?, ?, 1000.00, 15.00, ?, ?, ?, ?)",
                Ids.newId(), loanId, seq, dueDate, paid ? new BigDecimal("1000.00") : BigDecimal.ZERO,
                paid ? new BigDecimal("15.00") : BigDecimal.ZERO, paid ? "PAID" : "DUE", maxDaysPastDue);
    }

    private static Map<String, StrategyComparison.ArmComparison> byArm(StrategyComparison.Comparison c) {
        // the configured strategy of each arm (older strategies may have rows too)
        return c.arms().stream().filter(a -> a.strategy().equals(
                        Arm.valueOf(a.arm()) == Arm.CHAMPION ? c.champion() : c.challenger()))
                .collect(Collectors.toMap(StrategyComparison.ArmComparison::arm, Function.identity()));
    }

    @Test
    void ownApplicationsAreCountedFromTheFirstInstantOfTheNinetyDays() {
        int counted = rolledBack(() -> {
            String first = application(Arm.CHAMPION);
            String borrowerId = jdbc.queryForObject("SELECT borrower_id FROM loan_application WHERE id = ?",
                    String.class, first);
            LocalDateTime since = LocalDateTime.now().withNano(0).minusDays(90);
            jdbc.update("UPDATE loan_application SET created_at = ? WHERE id = ?", since.minusDays(1), first);
            for (LocalDateTime at : new LocalDateTime[] {since.minusSeconds(1), since, since.plusDays(89)}) {
                String id = Ids.newId();
                jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount,"
                        + " term_months, bank_card_enc, bank_card_idx, bank_card_masked, purpose, status, created_at,"
                        + " updated_at) VALUES (?, ?, ?, 1000.00, 6, 'test', ?, '6222****0007', 'CONSUMPTION',"
                        + " 'REJECTED', ?, ?)", id, borrowerId, id, (id + id).replace("-", "").substring(0, 64), at, at);
            }
            return applications.applicationsSince(borrowerId, since);
        });
        assertThat(counted).as("the one at the first instant and the one inside, not the two before").isEqualTo(2);
    }

    @Test
    void theOpsEndpointsNeedAnOpsUser() throws Exception {
        assertThat(get("/ops/v1/risk/strategies/comparison", null).statusCode()).isEqualTo(401);
        assertThat(get("/ops/v1/risk/strategies/comparison", "reviewer1").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = get("/ops/v1/risk/strategies/comparison", "ops1");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(ok.body());
        assertThat(body.path("challengerSharePercent").asInt()).isEqualTo(strategies.challengerSharePercent());
        assertThat(body.path("arms").findValuesAsText("arm")).contains("CHAMPION", "CHALLENGER");
        assertThat(body.path("arms").get(0).has("defaultRate")).isTrue();

        HttpResponse<String> missing = get("/ops/v1/risk/decisions/" + Ids.newId() + "/replay", "ops1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(get("/ops/v1/risk/decisions/x/replay", "reviewer1").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
