package com.loanflow.risk;

import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.rules.HardRules;
import com.loanflow.risk.rules.RuleHits;
import com.loanflow.risk.tables.CreditTermsTable;
import com.loanflow.risk.tables.LimitIncreaseTable;
import com.loanflow.risk.tables.RiskRouteTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Composes the decision assets of one strategy: hard rules (DRL) veto or flag, the model (XGBoost) estimates the
 * default probability, and the tables (DMN) route, price and grow limits. Immutable after loading, so one instance
 * serves all threads. Strategies with other versions are built by {@code com.loanflow.risk.strategy}.
 */
public final class RiskEngine {

    /** Default legal APR cap in percent; a table above the cap is a misconfiguration, so price() refuses. */
    public static final BigDecimal APR_CAP_PERCENT = new BigDecimal("24.00");

    private final HardRules hardRules;
    private final DefaultProbabilityModel model;
    private final RiskRouteTable routeTable;
    private final CreditTermsTable termsTable;
    private final LimitIncreaseTable limitTable;
    private final java.util.Map<String, BigDecimal> ceilings = new java.util.concurrent.ConcurrentHashMap<>();
    private final BigDecimal aprCapPercent;
    private final String decisionTableVersion;

    RiskEngine(HardRules hardRules, DefaultProbabilityModel model, RiskRouteTable routeTable,
               CreditTermsTable termsTable) {
        this(hardRules, model, routeTable, termsTable, LimitIncreaseTable.loadDefault(), APR_CAP_PERCENT);
    }

    private RiskEngine(HardRules hardRules, DefaultProbabilityModel model, RiskRouteTable routeTable,
                       CreditTermsTable termsTable, LimitIncreaseTable limitTable, BigDecimal aprCapPercent) {
        this.hardRules = Objects.requireNonNull(hardRules);
        this.model = Objects.requireNonNull(model);
        this.routeTable = Objects.requireNonNull(routeTable);
        this.termsTable = Objects.requireNonNull(termsTable);
        this.limitTable = Objects.requireNonNull(limitTable);
        if (aprCapPercent == null || aprCapPercent.signum() <= 0 || aprCapPercent.compareTo(APR_CAP_PERCENT) > 0) {
            throw new IllegalArgumentException("APR cap must be in (0, " + APR_CAP_PERCENT + "], was " + aprCapPercent);
        }
        this.aprCapPercent = aprCapPercent.setScale(2, RoundingMode.UNNECESSARY);
        requireLawful(termsTable);
        // every piece that prices: a replay of a record shows which of them differ (the Java limit logic included)
        this.decisionTableVersion = routeTable.version() + "+" + termsTable.version() + "+" + limitTable.version()
                + "+" + PRICING_LOGIC_VERSION;
    }

    /**
     * The version of {@link #price(RiskDecision, RiskInput)}'s own logic (how a repeat borrower's limit is derived
     * from limit-increase.dmn's step): raise it whenever that logic changes, so that records decided before say so.
     */
    public static final String PRICING_LOGIC_VERSION = "pricing-2";

    /** The tiers the risk-route tables assign and the terms of a first micro-loan: every row a decision can reach. */
    private static final List<String> TIERS = List.of("A", "B", "C", "D");
    private static final int MAX_TERM_MONTHS = 12;

    /**
     * A credit-terms table pricing any reachable tier and term above the legal cap is refused when the engine is
     * built (at start-up), not when an applicant reaches that row. A strategy's own lower cap is applied in
     * {@link #price(RiskDecision, BigDecimal, int)}.
     */
    private static void requireLawful(CreditTermsTable termsTable) {
        for (String tier : TIERS) {
            for (int months = 1; months <= MAX_TERM_MONTHS; months++) {
                BigDecimal apr = termsTable.terms(tier, months).aprPercent();
                if (apr.compareTo(APR_CAP_PERCENT) > 0) {
                    throw new IllegalArgumentException(termsTable.version() + " gives APR " + apr + "% for tier " + tier
                            + " over " + months + " months, above the " + APR_CAP_PERCENT + "% cap");
                }
            }
        }
    }

    /** An engine from explicit assets and an APR cap at most {@link #APR_CAP_PERCENT}. */
    public static RiskEngine of(HardRules hardRules, DefaultProbabilityModel model, RiskRouteTable routeTable,
                                CreditTermsTable termsTable, LimitIncreaseTable limitTable, BigDecimal aprCapPercent) {
        return new RiskEngine(hardRules, model, routeTable, termsTable, limitTable, aprCapPercent);
    }

    /** The engine built from this jar's champion rules, tables and model; loaded on first call, shared afterwards. */
    public static RiskEngine loadDefault() {
        return Default.INSTANCE;
    }

    private static final class Default {
        static final RiskEngine INSTANCE = new RiskEngine(HardRules.loadDefault(),
                DefaultProbabilityModel.loadDefault(), RiskRouteTable.loadDefault(), CreditTermsTable.loadDefault(),
                LimitIncreaseTable.loadDefault(), APR_CAP_PERCENT);
    }

    public BigDecimal aprCapPercent() {
        return aprCapPercent;
    }

    /**
     * What the rules and the model found for one input, before any table: an engine with the same rule set and
     * model instances (strategies differing only in tables) decides from it without running them again.
     */
    public record Evidence(RiskInput input, RuleHits hits, DefaultProbabilityModel.Score score, HardRules rules,
                           DefaultProbabilityModel model) {
    }

    public Evidence evidence(RiskInput input) {
        Objects.requireNonNull(input, "input");
        CreditBureauReport report = Objects.requireNonNull(input.report(), "input.report");
        Objects.requireNonNull(input.requestedAmount(), "input.requestedAmount");
        return new Evidence(input, hardRules.evaluate(input), model.score(report), hardRules, model);
    }

    public RiskDecision assess(RiskInput input) {
        return assess(evidence(input));
    }

    /** Decides from evidence, or from fresh evidence when it came from another rule set, model or input. */
    public RiskDecision assess(Evidence evidence) {
        if (evidence.rules() != hardRules || evidence.model() != model) {
            evidence = evidence(evidence.input());
        }
        RiskInput input = evidence.input();
        CreditBureauReport report = input.report();
        RuleHits hits = evidence.hits();
        DefaultProbabilityModel.Score score = evidence.score();
        BigDecimal pd = BigDecimal.valueOf(score.defaultProbability()).setScale(4, RoundingMode.HALF_EVEN);
        RiskRouteTable.Route route = routeTable.route(new RiskRouteTable.Facts(hits.rejected(), hits.flagged(), pd,
                report.thinFile(), report.pastDue90DaysOrMore(), input.requestedAmount()));

        RiskOutcome outcome = RiskOutcome.valueOf(route.outcome());
        List<String> reasonCodes = new ArrayList<>();
        if (hits.rejected()) {
            reasonCodes.addAll(hits.rejections());
        } else if (route.reasonCode() != null) {
            reasonCodes.add(route.reasonCode());
        }
        reasonCodes.addAll(hits.flags()); // a flag explains a review, and stays visible on a rejection too
        String reviewGroup = outcome == RiskOutcome.REVIEW ? route.reviewGroup() : null;
        List<AdverseFactor> adverseFactors = score.adverseFactorCodes().stream()
                .map(ReasonCodeCatalog::describe).toList();
        return new RiskDecision(outcome, reasonCodes, pd, route.riskTier(), reviewGroup, adverseFactors,
                hardRules.version(), decisionTableVersion,
                model.version() + "+" + DefaultProbabilityModel.EXPLANATION_VERSION, hits.all());
    }

    /**
     * Credit limit and APR of the decision's tier for an approved (or review-pending) decision, as for a first loan;
     * {@link #price(RiskDecision, RiskInput)} adds a repeat borrower's limit steps. The approved amount is the
     * caller's: min(requestedAmount, creditLimit).
     *
     * @throws IllegalArgumentException for a rejected decision, a non-positive amount or term
     */
    public CreditTerms price(RiskDecision decision, BigDecimal requestedAmount, int termMonths) {
        Objects.requireNonNull(decision, "decision");
        if (decision.outcome() == RiskOutcome.REJECT || decision.riskTier() == null) {
            throw new IllegalArgumentException("a rejected application has no credit terms");
        }
        if (requestedAmount == null || requestedAmount.signum() <= 0 || termMonths <= 0) {
            throw new IllegalArgumentException("requested amount and term must be positive");
        }
        if (termMonths > MAX_TERM_MONTHS) {
            // requireLawful checked the table's APRs only this far (the application API allows 1-12 months)
            throw new IllegalArgumentException("term must be at most " + MAX_TERM_MONTHS + " months, was " + termMonths);
        }
        CreditTermsTable.Terms terms = termsTable.terms(decision.riskTier(), termMonths);
        // a strategy's cap may be below a table row (a challenger trying a lower cap on the same table): the cap wins.
        // Refusing instead would fail the decision, and a shadow arm's refusal the live one's with it
        return new CreditTerms(terms.creditLimit(), terms.aprPercent().min(aprCapPercent));
    }

    /**
     * Credit terms for the applicant of this input. A first loan gets its tier's limit (credit-terms.dmn). A repeat
     * borrower (a loan here repaid in full) starts from the limit of the last settled loan, which limit-increase.dmn
     * may step up by that loan's own on-time installments (ADR 0032):
     * <ul>
     *   <li>a step granted: the last limit plus the step, at most the table's ceiling for today's tier;
     *       {@code L_TIER_CEILING} when the ceiling allows no rise (a fallen tier caps an earned limit);</li>
     *   <li>no step for too few on-time installments: the last limit kept, within today's tier's ceiling (a loan
     *       settled early earns nothing, and loses nothing);</li>
     *   <li>refused for a late repayment (any loan, 24 months): the smaller of the tier's limit and the last one (a
     *       late payer never gets more than before, however the bureau tier moved).</li>
     * </ul>
     * Never below the tier's first-loan limit, except after a late repayment. The limit reason (an L_ code) says
     * which. Each settled loan earns at most one step, so applying again, or borrowing briefly and settling early,
     * does not step twice on one record.
     */
    public CreditTerms price(RiskDecision decision, RiskInput input) {
        Objects.requireNonNull(input, "input");
        CreditTerms tierTerms = price(decision, input.requestedAmount(), input.termMonths());
        PlatformHistory history = input.platformHistory();
        if (!history.repeatBorrower()) {
            return tierTerms;
        }
        BigDecimal last = history.settledCreditLimit().setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal tierLimit = tierTerms.creditLimit();
        LimitIncreaseTable.Step step = limitTable.step(decision.riskTier(), history.settledLoans(),
                history.onTimeInstallments(), history.maxDaysPastDue());
        String reason = step.reasonCode();
        if (LATE_REPAYMENT.equals(reason)) {
            return new CreditTerms(tierLimit.min(last), tierTerms.aprPercent(), reason);
        }
        boolean stepped = step.increase().signum() > 0;
        // a granted step is capped by its own row's ceiling; a kept limit by the tier's highest
        BigDecimal limit = (stepped ? last.add(step.increase()).min(step.maxLimit()) : last.min(ceiling(decision.riskTier())))
                .max(tierLimit).setScale(2, RoundingMode.HALF_EVEN);
        if (stepped ? limit.compareTo(last) <= 0 : limit.compareTo(last) < 0) {
            reason = TIER_CEILING; // no rise, or a cut: the tier's ceiling is why, not the repayments
        }
        return new CreditTerms(limit, tierTerms.aprPercent(), reason);
    }

    /**
     * The highest limit limit-increase.dmn allows a tier: its ceiling for a long on-time record. Read from the table
     * once per tier (an engine's tables never change), not on every decision.
     */
    private BigDecimal ceiling(String riskTier) {
        return ceilings.computeIfAbsent(riskTier, tier -> limitTable.step(tier, 1, Integer.MAX_VALUE, 0).maxLimit());
    }

    /** limit-increase.dmn's refusal for a repayment more than 3 days late. */
    static final String LATE_REPAYMENT = "L_LATE_REPAYMENT";

    /** Today's tier caps the limit at or below the last one (a step due but no rise, or a kept limit cut). */
    static final String TIER_CEILING = "L_TIER_CEILING";

    /**
     * The credit limit a repeat borrower may have after on-time repayments (limit-increase.dmn). The limit only
     * grows, to at most the table's ceiling; a refusal keeps the current limit and says why.
     */
    public LimitIncrease increaseLimit(LimitIncreaseRequest request) {
        Objects.requireNonNull(request, "request");
        BigDecimal current = Objects.requireNonNull(request.currentLimit(), "currentLimit")
                .setScale(2, RoundingMode.HALF_EVEN);
        if (current.signum() < 0 || request.settledLoans() < 0 || request.onTimeInstallments() < 0
                || request.maxDaysPastDue() < 0) {
            throw new IllegalArgumentException("limit and repayment counts must not be negative");
        }
        LimitIncreaseTable.Step step = limitTable.step(request.riskTier(), request.settledLoans(),
                request.onTimeInstallments(), request.maxDaysPastDue());
        BigDecimal newLimit = current.add(step.increase()).min(step.maxLimit()).max(current);
        return new LimitIncrease(newLimit, newLimit.subtract(current), step.reasonCode(), limitTable.version());
    }
}
