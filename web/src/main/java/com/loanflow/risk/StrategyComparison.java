package com.loanflow.risk;

import com.loanflow.risk.strategy.Arm;
import com.loanflow.risk.strategy.ChampionChallenger;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Compares the arms on what they decided and, once loans age, how those loans pay. Outcome rates and mean PD are
 * over every decision the arm scored, live and shadow, so both arms are measured on the same applications; the
 * default rate can only come from the arm's live decisions, because only those became loans.
 */
@Component
public class StrategyComparison {

    /**
     * An installment more than this many days past due makes its loan a default, paid since or not (its most days
     * past due are kept by the daily accrual): collections succeeding later must not make an arm look safer. The
     * accrual of day X records X - due for an installment unpaid at the end of X, so a default is an installment
     * unpaid at the end of its 31st day past due. One unpaid now and due before today - 31 was (whether or not that
     * day has been accrued yet); one due exactly 31 days ago is not a default yet: its 31st day is today. A loan
     * is aged, i.e. in the default rate's denominator, from the same day: once an installment of it could be one.
     */
    static final int DEFAULT_DAYS_PAST_DUE = 30;
    static final String NOT_YET_AGED = "not yet aged";

    /** scored: live and shadow decisions made; shadowFailures: shadow decisions this arm failed to make. */
    public record ArmCounts(String arm, String strategyName, long volume, long scored, long shadowFailures,
                            long approved, long reviewed, long rejected, BigDecimal meanDefaultProbability,
                            BigDecimal meanApprovedDefaultProbability) {
    }

    /**
     * aged/defaulted: loans with any installment aged/defaulted, so far. firstInstallment*: the same for the first
     * installment only, a fixed horizon: every loan is measured over the same stretch of its life, so arms whose
     * books differ in age (a challenger started last month) or term mix compare fairly on it.
     */
    public record LoanCounts(String arm, String strategyName, long activated, long aged, long defaulted,
                             long firstInstallmentAged, long firstInstallmentDefaulted) {
    }

    public record ArmComparison(String arm, String strategy, long volume, long scored, long shadowFailures,
                                long approved, long reviewed,
                                long rejected, BigDecimal approveRate, BigDecimal reviewRate, BigDecimal rejectRate,
                                BigDecimal meanDefaultProbability, BigDecimal meanApprovedDefaultProbability,
                                long loansActivated, long loansAged, long loansDefaulted,
                                @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal defaultRate,
                                String defaultRateNote, long firstInstallmentsAged, long firstInstallmentDefaults,
                                @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal firstInstallmentDefaultRate) {
    }

    public record Comparison(int challengerSharePercent, String champion, String challenger,
                             List<ArmComparison> arms) {
    }

    private final RiskMapper mapper;
    private final ChampionChallenger strategies;
    private final Clock clock;

    StrategyComparison(RiskMapper mapper, ChampionChallenger strategies, Clock clock) {
        this.mapper = mapper;
        this.strategies = strategies;
        this.clock = clock;
    }

    public Comparison compare() {
        Map<String, ArmCounts> decisions = new LinkedHashMap<>();
        // the configured arms always appear, with zeros before their first decision
        for (Arm arm : Arm.values()) {
            String name = strategies.strategy(arm).name();
            decisions.put(key(arm.name(), name), new ArmCounts(arm.name(), name, 0, 0, 0, 0, 0, 0, null, null));
        }
        for (ArmCounts counts : mapper.countDecisionsByArm()) {
            decisions.put(key(counts.arm(), counts.strategyName()), counts);
        }
        Map<String, LoanCounts> loans = new LinkedHashMap<>();
        LocalDate couldHaveDefaulted = LocalDate.now(clock).minusDays(DEFAULT_DAYS_PAST_DUE + 1);
        for (LoanCounts counts : mapper.countLoansByArm(couldHaveDefaulted, couldHaveDefaulted, DEFAULT_DAYS_PAST_DUE)) {
            loans.put(key(counts.arm(), counts.strategyName()), counts);
        }
        List<ArmComparison> arms = new ArrayList<>();
        decisions.forEach((key, d) -> {
            LoanCounts l = loans.getOrDefault(key, new LoanCounts(d.arm(), d.strategyName(), 0, 0, 0, 0, 0));
            boolean aged = l.aged() > 0;
            arms.add(new ArmComparison(d.arm(), d.strategyName(), d.volume(), d.scored(), d.shadowFailures(),
                    d.approved(),
                    d.reviewed(), d.rejected(), rate(d.approved(), d.scored()), rate(d.reviewed(), d.scored()), rate(d.rejected(), d.scored()),
                    scaled(d.meanDefaultProbability()),
                    // of what the arm would lend to: two arms on one model share the overall mean PD
                    scaled(d.meanApprovedDefaultProbability()),
                    // over the loans old enough to have defaulted: young loans would dilute it towards 0
                    l.activated(), l.aged(), l.defaulted(), aged ? rate(l.defaulted(), l.aged()) : null,
                    aged ? null : NOT_YET_AGED, l.firstInstallmentAged(), l.firstInstallmentDefaulted(),
                    rate(l.firstInstallmentDefaulted(), l.firstInstallmentAged())));
        });
        return new Comparison(strategies.challengerSharePercent(), strategies.champion().name(),
                strategies.challenger().name(), arms);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_EVEN);
    }

    private static String key(String arm, String strategy) {
        return arm + "/" + strategy;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
