package com.loanflow.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.loanflow.risk.SandboxIdentities.input;
import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineTest {

    private static final RiskEngine ENGINE = RiskEngine.loadDefault();

    @Test
    void loadsOnceAndSharesTheEngine() {
        assertThat(RiskEngine.loadDefault()).isSameAs(ENGINE);
    }

    @Test
    void highModelScoreRejectsWithTheModelReason() {
        CreditBureauReport risky = new CreditBureauReport(0, 1, 2, 1, false, false,
                1.0, 30, 2, 0.9, 2000.0, 5, 2, 0, 2, 3);
        RiskDecision d = ENGINE.assess(input("APP-RISKY", risky, false));
        assertThat(d.defaultProbability()).isGreaterThanOrEqualTo(new BigDecimal("0.4500"));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.REJECT);
        assertThat(d.reasonCodes()).containsExactly("R_HIGH_DEFAULT_PROBABILITY");
        assertThat(d.adverseFactors()).hasSize(3);
    }

    @Test
    void thinFileGoesToSeniorReviewers() {
        CreditBureauReport z = SandboxIdentities.ZHANG_SAN;
        CreditBureauReport thin = new CreditBureauReport(0, 1, 2, 1, false, true, z.revolvingUtilization(), z.age(),
                0, z.debtRatio(), z.monthlyIncome(), 6, 0, 1, 0, 1);
        RiskDecision d = ENGINE.assess(input("APP-THIN", thin, false));
        assertThat(d.outcome()).isEqualTo(RiskOutcome.REVIEW);
        assertThat(d.reviewGroup()).isEqualTo("senior-reviewers");
        assertThat(d.reasonCodes()).containsExactly("R_THIN_FILE");
    }

    @Test
    void givesTheSameAnswersUnderConcurrentUse() throws Exception {
        List<CreditBureauReport> reports = List.of(SandboxIdentities.ZHANG_SAN, SandboxIdentities.LI_SI,
                SandboxIdentities.WANG_WU, SandboxIdentities.QIAN_QI);
        List<RiskDecision> expected = reports.stream().map(r -> ENGINE.assess(input("APP", r, false))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RiskDecision>> futures = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> ENGINE.assess(input("APP", reports.get(i % 4), false))))
                    .toList();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % 4));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
