package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.ModelSource;
import com.loanflow.risk.strategy.StrategyEngines;
import com.loanflow.risk.strategy.StrategySpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The comparison's arithmetic and dates on fixed counts (RiskStrategyOpsTest runs the SQL on a shared database). */
class StrategyComparisonTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final ChampionChallenger STRATEGIES = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER,
            10, new StrategyEngines(ModelSource.CLASSPATH));

    final RiskMapper mapper = mock(RiskMapper.class);

    private StrategyComparison.Comparison compare(List<StrategyComparison.ArmCounts> decisions,
                                                  List<StrategyComparison.LoanCounts> loans) {
        when(mapper.countDecisionsByArm()).thenReturn(decisions);
        when(mapper.countLoansByArm(any(), any(), anyInt())).thenReturn(loans);
        return new StrategyComparison(mapper, STRATEGIES, CLOCK).compare();
    }

    @Test
    void beforeAnyLoanAgesThereIsNoDefaultRateAndTheNoteSaysWhy() {
        var comparison = compare(List.of(new StrategyComparison.ArmCounts("CHAMPION", StrategySpec.CHAMPION.name(), 4,
                        5, 0, 2, 2, 1, new BigDecimal("0.05"), new BigDecimal("0.01"))),
                List.of(new StrategyComparison.LoanCounts("CHAMPION", StrategySpec.CHAMPION.name(), 2, 0, 0, 0, 0)));
        var champion = comparison.arms().get(0);
        assertThat(champion.arm()).isEqualTo("CHAMPION");
        assertThat(champion.loansActivated()).isEqualTo(2);
        assertThat(champion.defaultRate()).isNull();
        assertThat(champion.defaultRateNote()).isEqualTo("not yet aged");
        assertThat(champion.firstInstallmentDefaultRate()).isNull();
        assertThat(champion.approveRate()).isEqualByComparingTo("0.4000"); // 2 of 5 scored
        // the challenger has decided nothing yet and still appears, with zeros
        var challenger = comparison.arms().get(1);
        assertThat(challenger.arm()).isEqualTo("CHALLENGER");
        assertThat(challenger.volume()).isZero();
        assertThat(challenger.approveRate()).isNull();
        assertThat(challenger.defaultRateNote()).isEqualTo("not yet aged");
    }

    @Test
    void ratesAreOverAgedLoansAndTheFirstInstallmentOverAgedFirstInstallments() {
        var champion = compare(List.of(new StrategyComparison.ArmCounts("CHAMPION", StrategySpec.CHAMPION.name(), 10,
                        12, 0, 8, 2, 2, new BigDecimal("0.05"), new BigDecimal("0.01"))),
                List.of(new StrategyComparison.LoanCounts("CHAMPION", StrategySpec.CHAMPION.name(), 8, 6, 2, 7, 1)))
                .arms().get(0);
        assertThat(champion.defaultRate()).isEqualByComparingTo("0.3333");
        assertThat(champion.defaultRateNote()).isNull();
        assertThat(champion.firstInstallmentsAged()).isEqualTo(7);
        assertThat(champion.firstInstallmentDefaults()).isEqualTo(1);
        assertThat(champion.firstInstallmentDefaultRate()).isEqualByComparingTo("0.1429");
    }

    /** A loan is aged from the day one of its installments could be a default: due before today - 31. */
    @Test
    void agedAndUnpaidDefaultShareOneCutOff() {
        compare(List.of(), List.of());
        ArgumentCaptor<LocalDate> aged = ArgumentCaptor.forClass(LocalDate.class);
        ArgumentCaptor<LocalDate> unpaid = ArgumentCaptor.forClass(LocalDate.class);
        verify(mapper).countLoansByArm(aged.capture(), unpaid.capture(), org.mockito.ArgumentMatchers.eq(30));
        assertThat(aged.getValue()).isEqualTo(LocalDate.of(2026, 10, 27)); // 2026-11-27 (Beijing) - 31 days
        assertThat(unpaid.getValue()).isEqualTo(aged.getValue());
    }
}
