package com.loanflow.risk.model;

/** The model card's fixed prose; the measured sections come from {@link ModelCardWriter}. */
final class ModelCardText {

    static final String INTENDED_USE = """
            ## Intended use
            Estimates the probability that a micro-loan applicant goes 90+ days past due within two years, from the
            credit-bureau fields of `CreditBureauReport`. It is one input to `risk-route.dmn`, after the hard rules
            (`hard-rules.drl`) and never instead of them; borderline scores go to a human reviewer. Not for pricing
            individual applicants beyond the tier in `credit-terms.dmn`, not for collections, not for marketing.

            Reproduce (from `decisions/`, deterministic):
            `../mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
            java -cp "target/classes:$(cat target/cp.txt)" com.loanflow.risk.model.TrainDefaultModel`

            """;

    static final String FEATURES = """
            ## Features (model column order)
            Built by `CreditFeatures.of(CreditBureauReport)`, the one mapping used by training and scoring.
            1. `RevolvingUtilizationOfUnsecuredLines` (F_REVOLVING_UTILIZATION) - raw, outliers kept (trees are robust to them)
            2. `age` (F_AGE)
            3. `NumberOfTime30-59DaysPastDueNotWorse` (F_PAST_DUE_30_59)
            4. `DebtRatio` (F_DEBT_RATIO) - raw
            5. `MonthlyIncome` (F_MONTHLY_INCOME) - `NA` -> missing (NaN)
            6. `NumberOfOpenCreditLinesAndLoans` (F_OPEN_CREDIT_LINES)
            7. `NumberOfTimes90DaysLate` (F_PAST_DUE_90_PLUS)
            8. `NumberRealEstateLoansOrLines` (F_REAL_ESTATE_LOANS)
            9. `NumberOfTime60-89DaysPastDueNotWorse` (F_PAST_DUE_60_89)
            10. `NumberOfDependents` (F_DEPENDENTS) - `NA` -> missing (NaN)
            11. `PastDueSpecialCode` (F_PAST_DUE_SPECIAL_CODE) - 1 when any past-due count is a 96/98 sentinel code

            Past-due values of 96 and 98 are codes, not counts: when any appears, the three past-due counts are set
            to missing and feature 11 is 1, so no tree splits on "98 late payments". Missing values use XGBoost's
            learned default direction. Bureau fields outside GMSC (application counts, court enforcement, thin file)
            are not model inputs; the hard rules and the routing table use them.

            """;

    static final String CALIBRATION_NOTE = """
            The model is trained on the data's own 6.7% default rate without re-weighting, so its probabilities are
            roughly calibrated to that population (see the table). Our applicants are not GMSC's US borrowers: before
            relying on absolute PDs, recalibrate (e.g. Platt or isotonic) on the platform's own outcomes. Until then
            the routing bands are read as ranks on this distribution, not as promised loss rates.

            """;

    static final String BANDS = """
            ## Routing bands (risk-route.dmn, FIRST hit policy)
            Chosen on the validation distribution above: PD < 0.05 (about 70% of applicants, observed default
            rate well under the portfolio's 6.7%) is approved outright, tier A below 0.02 (about the median) and B
            above; 0.05 to < 0.30 (deciles 8-9, the band where a person adds most) goes to `reviewers`; 0.30 to
            < 0.45 (the top few percent, observed default rate about a third) goes to `senior-reviewers`; PD >= 0.45 is
            rejected with `R_HIGH_DEFAULT_PROBABILITY`. Also to `senior-reviewers`: every thin file below 0.45
            (`R_THIN_FILE`) and middle-band applicants asking for more than 1500.00 (`R_BORDERLINE_LARGE_AMOUNT`).
            Any hard-rule hit is REJECT, tier E, whatever the PD. The PD compared is the 4-decimal value recorded on
            the decision. The sandbox identities land where docs/architecture.md says (张三 APPROVE, 李四 REVIEW by
            `reviewers`); `RiskEngineSandboxIdentitiesTest` checks it against this model and table.

            """;

    static final String LIMITATIONS = """
            ## Limitations
            - Trained on 2000s US consumer data (GMSC); Chinese micro-loan applicants differ in income scale,
              product and bureau coverage. Monitor approval and default rates by band and retrain on own outcomes.
            - The bureau's income is in the bureau's currency; GMSC incomes are USD per month. The sandbox bureau
              serves GMSC-like values; a real bureau feed needs a documented conversion before scoring.
            - The round count was chosen by early stopping on the same validation split, so its AUC is slightly
              optimistic; the 20% of GMSC held back by the data owners is the independent check.
            - Adverse factors are the top positive SHAP contributions (`predictContrib`); they explain this model's
              score, not causes.
            - Thin-file applicants are scored like everyone else but always reviewed by senior reviewers.

            ## Protected attributes
            No sex, ethnicity, religion, marital status, region or ID-number-derived field is an input. `age` is a GMSC
            feature and is used (applicants are 18-60 by hard rule); its contribution is reported as an adverse
            factor like any other and should be monitored for disparate impact. `NumberOfDependents` may correlate
            with family status; it is kept for predictive value and is reviewable the same way.
            """;

    private ModelCardText() {
    }
}
