package com.loanflow.risk.strategy;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.RiskInput;
import com.loanflow.risk.RiskOutcome;
import com.loanflow.risk.model.DefaultProbabilityModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deterministic split by application id, the configured share, shadow scoring, and side-by-side versions. */
class ChampionChallengerTest {

    private static final StrategyEngines ENGINES = new StrategyEngines(ModelSource.CLASSPATH);
    private static final ChampionChallenger TEN_PERCENT =
            new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 10, ENGINES);

    private static final CreditBureauReport ZHANG_SAN = new CreditBureauReport(0, 1, 2, 1, false, false,
            0.15, 36, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);
    private static final CreditBureauReport LI_SI = new CreditBureauReport(1, 3, 5, 3, false, false,
            0.85, 34, 1, 0.55, 5000.0, 9, 0, 0, 0, 2);

    private static RiskInput input(String applicationId, CreditBureauReport report) {
        return new RiskInput(applicationId, report.age(), true, false, 1, new BigDecimal("1000.00"), 6, report);
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.nameUUIDFromBytes(("app-" + i).getBytes()).toString())
                .toList();
    }

    @Test
    void theSameApplicationAlwaysGoesToTheSameArm() {
        ChampionChallenger other = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 10,
                new StrategyEngines(ModelSource.CLASSPATH));
        for (String id : ids(500)) {
            assertThat(other.assign(id)).isEqualTo(TEN_PERCENT.assign(id));
        }
    }

    /**
     * The bucket is a documented function (first 8 bytes of SHA-256 as a signed big-endian long, mod 100), not just
     * stable within one JVM: these values were computed outside Java (Python hashlib), so another node, a restart or
     * a rewrite in another language assigns the same arm.
     */
    @Test
    void theBucketIsTheSameFunctionEverywhere() {
        assertThat(ChampionChallenger.bucket("APP-FIXED")).isEqualTo(1);
        assertThat(ChampionChallenger.bucket("APP-LI")).isEqualTo(26);
        assertThat(ChampionChallenger.bucket("APP-Z")).isEqualTo(36);
        assertThat(ChampionChallenger.bucket("APP-LI-SHADOW")).isEqualTo(37);
        assertThat(ChampionChallenger.bucket("application-0")).isEqualTo(89);
        assertThat(TEN_PERCENT.assign("APP-FIXED")).isEqualTo(Arm.CHALLENGER); // bucket 1 < 10
        assertThat(TEN_PERCENT.assign("APP-LI")).isEqualTo(Arm.CHAMPION); // bucket 26 >= 10
    }

    /** A borrower who withdraws and applies again meets the same arm: the split key is theirs, not the application's. */
    @Test
    void theSplitKeyChoosesTheArmNotTheApplicationId() {
        // APP-FIXED is in bucket 1 (challenger at 10%), APP-LI in bucket 26 (champion)
        assertThat(TEN_PERCENT.decide(input("APP-LI", LI_SI), "APP-FIXED").arm()).isEqualTo(Arm.CHALLENGER);
        assertThat(TEN_PERCENT.decide(input("APP-FIXED", LI_SI), "APP-LI").arm()).isEqualTo(Arm.CHAMPION);
        for (String applicationId : ids(50)) {
            assertThat(TEN_PERCENT.decide(input(applicationId, LI_SI), "APP-FIXED").arm()).isEqualTo(Arm.CHALLENGER);
        }
        assertThat(TEN_PERCENT.decide(input("APP-FIXED", LI_SI)).arm()).isEqualTo(Arm.CHALLENGER); // default: the id
    }

    @Test
    void theChallengerGetsAboutItsShare() {
        List<String> ids = ids(10_000);
        long challenger = ids.stream().filter(id -> TEN_PERCENT.assign(id) == Arm.CHALLENGER).count();
        assertThat(challenger).isBetween(850L, 1150L); // 10% of 10,000 within 1.5 points
        ChampionChallenger half = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 50, ENGINES);
        assertThat(ids.stream().filter(id -> half.assign(id) == Arm.CHALLENGER).count()).isBetween(4800L, 5200L);
    }

    @Test
    void aLargerShareOnlyMovesApplicationsFromChampionToChallenger() {
        ChampionChallenger twenty = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 20, ENGINES);
        for (String id : ids(2_000)) {
            if (TEN_PERCENT.assign(id) == Arm.CHALLENGER) {
                assertThat(twenty.assign(id)).isEqualTo(Arm.CHALLENGER);
            }
        }
    }

    @Test
    void zeroAndHundredPercentSendEverythingToOneArm() {
        ChampionChallenger none = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 0, ENGINES);
        ChampionChallenger all = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 100, ENGINES);
        for (String id : ids(300)) {
            assertThat(none.assign(id)).isEqualTo(Arm.CHAMPION);
            assertThat(all.assign(id)).isEqualTo(Arm.CHALLENGER);
        }
    }

    @Test
    void refusesAShareOutsideZeroToHundredAndTwoArmsWithOneName() {
        assertThatThrownBy(() -> new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 101, ENGINES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHAMPION, 10, ENGINES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDecisionCarriesTheOtherArmInShadow() {
        AtomicInteger challengerLive = new AtomicInteger();
        for (String id : ids(60)) {
            StrategyDecision d = TEN_PERCENT.decide(input(id, LI_SI));
            assertThat(d.arm()).isEqualTo(TEN_PERCENT.assign(id));
            assertThat(d.shadow().arm()).isNotEqualTo(d.live().arm());
            assertThat(d.live().strategy()).isEqualTo(TEN_PERCENT.strategy(d.live().arm()));
            assertThat(d.shadow().strategy()).isEqualTo(TEN_PERCENT.strategy(d.shadow().arm()));
            if (d.arm() == Arm.CHALLENGER) {
                challengerLive.incrementAndGet();
            }
        }
        assertThat(challengerLive.get()).as("some of 60 applications went to the challenger").isPositive();
    }

    /** A challenger whose routing table has a gap: every case but a rejection matches no row. */
    private static final StrategySpec BROKEN_CHALLENGER = new StrategySpec("broken-gap-test",
            StrategySpec.CHAMPION.ruleSet(), "/com/loanflow/risk/tables/risk-route-gap-test.dmn",
            StrategySpec.CHAMPION.creditTerms(), StrategySpec.CHAMPION.limitIncrease(), StrategySpec.CHAMPION.model(),
            StrategySpec.CHAMPION.aprCapPercent());

    @Test
    void aFailingShadowIsRecordedAndTheLiveDecisionStands() {
        ChampionChallenger noShare = new ChampionChallenger(StrategySpec.CHAMPION, BROKEN_CHALLENGER, 0, ENGINES);
        StrategyDecision d = noShare.decide(input("APP-LI-SHADOW", LI_SI));
        assertThat(d.live().arm()).isEqualTo(Arm.CHAMPION);
        assertThat(d.live().decision().outcome()).isEqualTo(RiskOutcome.REVIEW);
        assertThat(d.shadow()).isNull();
        assertThat(d.shadowFailed()).isTrue();
        assertThat(d.shadowFailure().arm()).isEqualTo(Arm.CHALLENGER);
        assertThat(d.shadowFailure().strategy()).isEqualTo(BROKEN_CHALLENGER);
        assertThat(d.shadowFailure().error()).startsWith("IllegalStateException: ").contains("matched no row");
    }

    @Test
    void aFailingLiveArmStillFailsTheDecision() {
        ChampionChallenger allShare = new ChampionChallenger(StrategySpec.CHAMPION, BROKEN_CHALLENGER, 100, ENGINES);
        assertThatThrownBy(() -> allShare.decide(input("APP-LI-LIVE", LI_SI)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("matched no row");
    }

    @Test
    void aWorkingShadowHasNoFailure() {
        StrategyDecision d = TEN_PERCENT.decide(input("APP-LI-OK", LI_SI));
        assertThat(d.shadowFailed()).isFalse();
        assertThat(d.shadowFailure()).isNull();
        assertThatThrownBy(() -> new StrategyDecision(d.live(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTwoArmsRunTheirOwnTableVersionsOnTheSameModel() {
        StrategyDecision d = TEN_PERCENT.decide(input("APP-LI", LI_SI));
        var champion = d.live().arm() == Arm.CHAMPION ? d.live() : d.shadow();
        var challenger = d.live().arm() == Arm.CHALLENGER ? d.live() : d.shadow();
        assertThat(champion.decision().decisionTableVersion()).isEqualTo("risk-route-5.0+credit-terms-1.0+limit-increase-1.0+pricing-2");
        assertThat(challenger.decision().decisionTableVersion()).isEqualTo("risk-route-6.0+credit-terms-1.0+limit-increase-1.0+pricing-2");
        assertThat(champion.decision().modelVersion()).isEqualTo(challenger.decision().modelVersion());
        assertThat(champion.decision().defaultProbability()).isEqualTo(challenger.decision().defaultProbability());
    }

    @Test
    void theSandboxIdentitiesKeepTheirOutcomesUnderBothArms() {
        for (StrategySpec spec : List.of(StrategySpec.CHAMPION, StrategySpec.CHALLENGER)) {
            var zhang = TEN_PERCENT.decide(Arm.CHAMPION, spec, input("APP-Z", ZHANG_SAN));
            assertThat(zhang.decision().outcome()).as(spec.name()).isEqualTo(RiskOutcome.APPROVE);
            assertThat(zhang.terms()).as(spec.name()).isNotNull();
            var li = TEN_PERCENT.decide(Arm.CHAMPION, spec, input("APP-L", LI_SI));
            assertThat(li.decision().outcome()).as(spec.name()).isEqualTo(RiskOutcome.REVIEW);
            assertThat(li.decision().reviewGroup()).as(spec.name()).isEqualTo("reviewers");
            assertThat(li.decision().reasonCodes()).as(spec.name()).containsExactly("R_BORDERLINE_SCORE");
        }
    }

    @Test
    void aRejectionHasNoTermsAndAnApprovalIsPricedWithinTheCap() {
        CreditBureauReport court = new CreditBureauReport(0, 1, 2, 1, true, false,
                0.15, 47, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);
        ArmDecision rejected = TEN_PERCENT.decide(Arm.CHAMPION, StrategySpec.CHAMPION, input("APP-Q", court));
        assertThat(rejected.decision().outcome()).isEqualTo(RiskOutcome.REJECT);
        assertThat(rejected.terms()).isNull();
        ArmDecision approved = TEN_PERCENT.decide(Arm.CHAMPION, StrategySpec.CHAMPION, input("APP-Z", ZHANG_SAN));
        assertThat(approved.terms().aprPercent()).isLessThanOrEqualTo(new BigDecimal("24.00"));
    }

    @Test
    void aStrategyIsLoadedOnceAndItsAssetsAreShared() {
        assertThat(ENGINES.engine(StrategySpec.CHAMPION)).isSameAs(ENGINES.engine(StrategySpec.CHAMPION));
        StrategySpec lowerCap = new StrategySpec("lower-cap", StrategySpec.CHAMPION.ruleSet(),
                StrategySpec.CHAMPION.riskRoute(), StrategySpec.CHAMPION.creditTerms(),
                StrategySpec.CHAMPION.limitIncrease(), DefaultProbabilityModel.RESOURCE, new BigDecimal("23.00"));
        assertThat(ENGINES.engine(lowerCap)).isNotSameAs(ENGINES.engine(StrategySpec.CHAMPION));
        assertThat(ENGINES.engine(lowerCap).aprCapPercent()).isEqualByComparingTo("23.00");
    }

    @Test
    void aStrategyNameTheRecordCannotHoldIsRefusedWhenConfigured() {
        StrategySpec c = StrategySpec.CHAMPION;
        String fortyOne = "a".repeat(StrategySpec.MAX_NAME_LENGTH + 1);
        for (String name : List.of(fortyOne, "with space", "中文策略", "semi;colon")) {
            // readable (a stored spec from before the rule), refused as configuration
            StrategySpec stored = new StrategySpec(name, c.ruleSet(), c.riskRoute(), c.creditTerms(),
                    c.limitIncrease(), c.model(), c.aprCapPercent());
            assertThatThrownBy(() -> new ChampionChallenger(c, stored, 10, ENGINES)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy name");
        }
        StrategySpec forty = new StrategySpec("a".repeat(StrategySpec.MAX_NAME_LENGTH), c.ruleSet(), c.riskRoute(),
                c.creditTerms(), c.limitIncrease(), c.model(), c.aprCapPercent());
        assertThat(new ChampionChallenger(c, forty, 10, ENGINES).challenger().name()).hasSize(40);
        String longResource = "/" + "x".repeat(StrategySpec.MAX_RESOURCE_LENGTH) + ".dmn";
        StrategySpec longName = new StrategySpec("ok", c.ruleSet(), longResource, c.creditTerms(),
                c.limitIncrease(), c.model(), c.aprCapPercent());
        assertThatThrownBy(() -> new ChampionChallenger(c, longName, 10, ENGINES)).hasMessageContaining("riskRoute");
    }

    @Test
    void aStrategyWithAMissingAssetFailsAtStartUp() {
        StrategySpec broken = new StrategySpec("broken", StrategySpec.CHAMPION.ruleSet(),
                "/com/loanflow/risk/tables/risk-route-v9.dmn", StrategySpec.CHAMPION.creditTerms(),
                StrategySpec.CHAMPION.limitIncrease(), StrategySpec.CHAMPION.model(), new BigDecimal("24.00"));
        assertThatThrownBy(() -> new ChampionChallenger(StrategySpec.CHAMPION, broken, 10,
                new StrategyEngines(ModelSource.CLASSPATH))).hasMessageContaining("risk-route-v9.dmn");
    }

    @Test
    void theShadowReusingTheLiveArmsEvidenceDecidesExactlyAsARunOfItsOwn() {
        CreditBureauReport late = new CreditBureauReport(0, 1, 2, 1, false, false, 0.60, 36, 1, 0.45,
                12000.0, 6, 1, 1, 0, 1);
        List<RiskInput> inputs = new java.util.ArrayList<>();
        List<String> ids = ids(40);
        for (int i = 0; i < ids.size(); i++) {
            CreditBureauReport report = List.of(ZHANG_SAN, LI_SI, late).get(i % 3);
            inputs.add(new RiskInput(ids.get(i), 36, true, i % 7 == 0, i % 5, new BigDecimal("1600.00"), 9, report,
                    new com.loanflow.risk.FraudIndicators(i % 4, i % 6, i % 9 == 0)));
        }
        for (RiskInput input : inputs) {
            StrategyDecision both = TEN_PERCENT.decide(input);
            for (ArmDecision arm : List.of(both.live(), both.shadow())) {
                ArmDecision alone = TEN_PERCENT.decide(arm.arm(), arm.strategy(), input);
                assertThat(arm.decision()).as("%s %s", input.applicationId(), arm.arm()).isEqualTo(alone.decision());
                assertThat(arm.terms()).isEqualTo(alone.terms());
            }
        }
    }

    @Test
    void evidenceIsReusedOnlyByAnEngineWithTheSameRulesAndModel() {
        var engine = ENGINES.engine(StrategySpec.CHALLENGER);
        RiskInput input = input("APP-Z", ZHANG_SAN);
        var real = engine.evidence(input);
        // forged hits prove which path ran: reused with the same rule set instance, ignored with another one
        var forged = new com.loanflow.risk.RiskEngine.Evidence(input,
                new com.loanflow.risk.rules.RuleHits(List.of("R_BLACKLIST"), List.of()), real.score(), real.rules(),
                real.model());
        assertThat(engine.assess(forged).outcome()).isEqualTo(RiskOutcome.REJECT);
        var otherRules = new com.loanflow.risk.RiskEngine.Evidence(input, forged.hits(), real.score(),
                com.loanflow.risk.rules.HardRules.loadDefault(), real.model());
        assertThat(engine.assess(otherRules).outcome()).isEqualTo(RiskOutcome.APPROVE);
    }
}
