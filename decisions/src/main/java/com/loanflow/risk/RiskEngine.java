package com.loanflow.risk;

import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.rules.HardRules;
import com.loanflow.risk.tables.CreditTermsTable;
import com.loanflow.risk.tables.RiskRouteTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Composes the three decision assets: hard rules (DRL) veto, the model (XGBoost) estimates the default
 * probability, and the tables (DMN) route and price. Immutable after loading, so one instance serves all threads.
 */
public final class RiskEngine {

    /** Legal APR cap in percent; a table above it is a misconfiguration, so price() refuses rather than clamps. */
    public static final BigDecimal APR_CAP_PERCENT = new BigDecimal("24.00");

    private final HardRules hardRules;
    private final DefaultProbabilityModel model;
    private final RiskRouteTable routeTable;
    private final CreditTermsTable termsTable;
    private final String decisionTableVersion;

    RiskEngine(HardRules hardRules, DefaultProbabilityModel model, RiskRouteTable routeTable,
               CreditTermsTable termsTable) {
        this.hardRules = hardRules;
        this.model = model;
        this.routeTable = routeTable;
        this.termsTable = termsTable;
        this.decisionTableVersion = routeTable.version() + "+" + termsTable.version();
    }

    /** The engine built from this jar's rules, tables and model; loaded on first call, shared afterwards. */
    public static RiskEngine loadDefault() {
        return Default.INSTANCE;
    }

    private static final class Default {
        static final RiskEngine INSTANCE = new RiskEngine(HardRules.loadDefault(),
                DefaultProbabilityModel.loadDefault(), RiskRouteTable.loadDefault(), CreditTermsTable.loadDefault());
    }

    public RiskDecision assess(RiskInput input) {
        Objects.requireNonNull(input, "input");
        CreditBureauReport report = Objects.requireNonNull(input.report(), "input.report");
        Objects.requireNonNull(input.requestedAmount(), "input.requestedAmount");

        List<String> ruleCodes = hardRules.evaluate(input);
        DefaultProbabilityModel.Score score = model.score(report);
        BigDecimal pd = BigDecimal.valueOf(score.defaultProbability()).setScale(4, RoundingMode.HALF_EVEN);
        RiskRouteTable.Route route = routeTable.route(!ruleCodes.isEmpty(), pd, report.thinFile(),
                input.requestedAmount());

        RiskOutcome outcome = RiskOutcome.valueOf(route.outcome());
        List<String> reasonCodes = !ruleCodes.isEmpty() ? ruleCodes
                : route.reasonCode() == null ? List.of() : List.of(route.reasonCode());
        String reviewGroup = outcome == RiskOutcome.REVIEW ? route.reviewGroup() : null;
        List<AdverseFactor> adverseFactors = score.adverseFactorCodes().stream()
                .map(ReasonCodeCatalog::describe).toList();
        return new RiskDecision(outcome, reasonCodes, pd, route.riskTier(), reviewGroup, adverseFactors,
                hardRules.version(), decisionTableVersion, model.version());
    }

    /**
     * Credit limit and APR for an approved (or review-pending) decision. The approved amount is the caller's:
     * min(requestedAmount, creditLimit).
     *
     * @throws IllegalArgumentException for a rejected decision, a non-positive amount or term
     * @throws IllegalStateException    when credit-terms.dmn asks for more than {@link #APR_CAP_PERCENT}
     */
    public CreditTerms price(RiskDecision decision, BigDecimal requestedAmount, int termMonths) {
        Objects.requireNonNull(decision, "decision");
        if (decision.outcome() == RiskOutcome.REJECT || decision.riskTier() == null) {
            throw new IllegalArgumentException("a rejected application has no credit terms");
        }
        if (requestedAmount == null || requestedAmount.signum() <= 0 || termMonths <= 0) {
            throw new IllegalArgumentException("requested amount and term must be positive");
        }
        CreditTermsTable.Terms terms = termsTable.terms(decision.riskTier(), termMonths);
        if (terms.aprPercent().compareTo(APR_CAP_PERCENT) > 0) {
            throw new IllegalStateException("credit-terms.dmn gives APR " + terms.aprPercent() + "% for tier "
                    + decision.riskTier() + ", above the " + APR_CAP_PERCENT + "% cap");
        }
        return new CreditTerms(terms.creditLimit(), terms.aprPercent());
    }
}
