package com.loanflow.risk;

import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.rules.HardRules;
import com.loanflow.risk.strategy.ModelSource;
import com.loanflow.risk.strategy.StrategyEngines;
import com.loanflow.risk.strategy.StrategySpec;
import com.loanflow.risk.tables.CreditTermsTable;
import com.loanflow.risk.tables.LimitIncreaseTable;
import com.loanflow.risk.tables.RiskRouteTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.math.BigDecimal;

import static com.loanflow.risk.SandboxIdentities.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskEnginePriceTest {

    private static final RiskEngine ENGINE = RiskEngine.loadDefault();
    private static final BigDecimal AMOUNT = new BigDecimal("1000.00");

    private static final StrategyEngines STRATEGIES = new StrategyEngines(ModelSource.CLASSPATH);

    /**
     * 张三 (PD 0.0096) is tier A under the champion (risk-route 5.0: A below 0.02) and the challenger (6.0: A below
     * 0.015); credit-terms.dmn gives tier A 2000.00 at 18.00% for 1-6 months and 2000.00 at 19.50% above 6.
     */
    @ParameterizedTest(name = "{0}, {1} months")
    @CsvSource({
            "baseline-v5, 1, 2000.00, 18.00", "baseline-v5, 6, 2000.00, 18.00",
            "baseline-v5, 7, 2000.00, 19.50", "baseline-v5, 12, 2000.00, 19.50",
            "wider-approval-v6, 1, 2000.00, 18.00", "wider-approval-v6, 6, 2000.00, 18.00",
            "wider-approval-v6, 7, 2000.00, 19.50", "wider-approval-v6, 12, 2000.00, 19.50"})
    void pricesZhangSanAtTierAUnderBothStrategies(String strategy, int months, String limit, String apr) {
        StrategySpec spec = strategy.equals(StrategySpec.CHAMPION.name()) ? StrategySpec.CHAMPION
                : StrategySpec.CHALLENGER;
        assertThat(spec.name()).isEqualTo(strategy);
        RiskEngine engine = STRATEGIES.engine(spec);
        RiskDecision approved = engine.assess(input("APP-ZHANG", SandboxIdentities.ZHANG_SAN, false));
        assertThat(approved.riskTier()).isEqualTo("A");
        // equals on BigDecimal: the scale (2) is pinned too
        assertThat(engine.price(approved, AMOUNT, months))
                .isEqualTo(new CreditTerms(new BigDecimal(limit), new BigDecimal(apr)));
    }

    @Test
    void pricesEveryTermOfAnApprovedTierAApplicantFromItsTwoRows() {
        RiskDecision approved = ENGINE.assess(input("APP-ZHANG", SandboxIdentities.ZHANG_SAN, false));
        for (int months = 1; months <= 12; months++) {
            String apr = months <= 6 ? "18.00" : "19.50"; // credit-terms.dmn: tier A [1..6] and > 6
            assertThat(ENGINE.price(approved, AMOUNT, months)).as("%d months", months)
                    .isEqualTo(new CreditTerms(new BigDecimal("2000.00"), new BigDecimal(apr)));
        }
    }

    @Test
    void pricesAReviewedApplicantByTheirTier() {
        RiskDecision review = ENGINE.assess(input("APP-LI", SandboxIdentities.LI_SI, false));
        assertThat(ENGINE.price(review, AMOUNT, 6))
                .isEqualTo(new CreditTerms(new BigDecimal("1000.00"), new BigDecimal("22.00")));
    }

    @Test
    void refusesToPriceARejection() {
        RiskDecision rejected = ENGINE.assess(input("APP-WANG", SandboxIdentities.WANG_WU, false));
        assertThatThrownBy(() -> ENGINE.price(rejected, AMOUNT, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonPositiveAmountOrTermAndATermBeyondTheCheckedTwelveMonths() {
        RiskDecision approved = ENGINE.assess(input("APP-ZHANG", SandboxIdentities.ZHANG_SAN, false));
        assertThatThrownBy(() -> ENGINE.price(approved, BigDecimal.ZERO, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ENGINE.price(approved, AMOUNT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ENGINE.price(approved, AMOUNT, 12).aprPercent()).isLessThanOrEqualTo(new BigDecimal("24.00"));
        assertThatThrownBy(() -> ENGINE.price(approved, AMOUNT, 13)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 12 months");
    }

    @Test
    void refusesATableThatPricesAboveTheAprCap() throws Exception {
        CreditTermsTable aboveCap;
        try (InputStream in = getClass().getResourceAsStream("/com/loanflow/risk/tables/credit-terms-above-cap.dmn")) {
            aboveCap = CreditTermsTable.load(in);
        }
        // refused when the engine is built (start-up), not when an applicant reaches the row
        assertThatThrownBy(() -> new RiskEngine(HardRules.loadDefault(), DefaultProbabilityModel.loadDefault(),
                RiskRouteTable.loadDefault(), aboveCap))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the 24.00% cap")
                .hasMessageContaining("tier C over 7 months");
    }

    @Test
    void aConfiguredLowerCapPricesAtTheCapWhereTheTableAsksMore() {
        // a challenger trying a lower cap on the champion's table: priced at its cap (refusing would fail the
        // decision, and a shadow arm's refusal the live arm's decision with it)
        RiskEngine capped = RiskEngine.of(HardRules.loadDefault(), DefaultProbabilityModel.loadDefault(),
                RiskRouteTable.loadDefault(), CreditTermsTable.loadDefault(), LimitIncreaseTable.loadDefault(),
                new BigDecimal("22.00"));
        RiskDecision review = capped.assess(input("APP-LI", SandboxIdentities.LI_SI, false)); // tier C
        assertThat(capped.price(review, AMOUNT, 6).aprPercent()).isEqualByComparingTo("22.00");
        assertThat(capped.price(review, AMOUNT, 7).aprPercent()).as("tier C over 6 months is 23.00 in the table")
                .isEqualByComparingTo("22.00");
        assertThat(ENGINE.price(review, AMOUNT, 7).aprPercent()).isEqualByComparingTo("23.00");
        assertThat(capped.price(review, AMOUNT, 7).creditLimit()).isEqualByComparingTo(
                ENGINE.price(review, AMOUNT, 7).creditLimit());
    }

    @Test
    void refusesACapAboveTheLegalOne() {
        assertThatThrownBy(() -> RiskEngine.of(HardRules.loadDefault(), DefaultProbabilityModel.loadDefault(),
                RiskRouteTable.loadDefault(), CreditTermsTable.loadDefault(), LimitIncreaseTable.loadDefault(),
                new BigDecimal("24.01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
