package com.loanflow.risk.model;

import com.loanflow.risk.model.TrainDefaultModel.ModelSpec;

/** The model cards' fixed prose; the measured sections come from {@link ModelCardWriter}. */
final class ModelCardText {

    /** The parts of a card that differ between models. */
    record Prose(String title, String intendedUse, String data, String features, String calibrationNote,
                 String limitations) {
    }

    static Prose of(ModelSpec spec) {
        return spec == TrainDefaultModel.TAIWAN ? TAIWAN : GMSC;
    }

    static String reproduce(ModelSpec spec) {
        return """
                Reproduce (from the repository root, deterministic: fixed seeds, nthread=2):
                `./mvnw -B -q -pl decisions package -DskipTests &&
                java -jar decisions/target/decisions-cli.jar train --model %s --data ../shared/data/%s`

                """.formatted(spec.name(), spec.dataFile());
    }

    private static final Prose GMSC = new Prose("default probability", """
            ## Intended use
            Estimates the probability that a micro-loan applicant goes 90+ days past due within two years, from the
            credit-bureau fields of `CreditBureauReport`. It is one input to `risk-route-v5.dmn`, after the hard rules
            (`hard-rules-v3.drl`) and never instead of them; borderline scores go to a human reviewer. Not for pricing
            individual applicants beyond the tier in `credit-terms.dmn`, not for collections, not for marketing.
            Successor of `gmsc-xgb-v1` (`default-probability-v1.json`, card `MODEL_CARD_V1.md`), which stays bundled
            and loadable with `DefaultProbabilityModel.load("default-probability-v1.json")`.

            """, """
            Give Me Some Credit, stratified 80% of Kaggle's cs-training.csv; label `SeriousDlqin2yrs` = 90+ days past
            due within two years.""", """
            ## Features (model column order)
            Built by `CreditFeatures.of(CreditBureauReport)`, the one mapping used by training and scoring (columns
            1-11 are v1's, unchanged). Adverse-factor code in brackets.
            1. `RevolvingUtilizationOfUnsecuredLines` (F_REVOLVING_UTILIZATION) - raw, outliers kept (trees split on ranks)
            2. `age` (F_AGE)
            3. `NumberOfTime30-59DaysPastDueNotWorse` (F_PAST_DUE_30_59) - monotone +1
            4. `DebtRatio` (F_DEBT_RATIO) - raw (a debt amount, not a ratio, when income is missing: see 14)
            5. `MonthlyIncome` (F_MONTHLY_INCOME) - `NA` -> missing (NaN)
            6. `NumberOfOpenCreditLinesAndLoans` (F_OPEN_CREDIT_LINES)
            7. `NumberOfTimes90DaysLate` (F_PAST_DUE_90_PLUS) - monotone +1
            8. `NumberRealEstateLoansOrLines` (F_REAL_ESTATE_LOANS)
            9. `NumberOfTime60-89DaysPastDueNotWorse` (F_PAST_DUE_60_89) - monotone +1
            10. `NumberOfDependents` (F_DEPENDENTS) - `NA` -> missing (NaN)
            11. `PastDueSpecialCode` (F_PAST_DUE_SPECIAL_CODE) - 1 when any past-due count is a 96/98 sentinel code
            12. `PastDueTotal` (F_PAST_DUE_TOTAL) - 3 + 7 + 9; missing on a sentinel - monotone +1
            13. `PastDueWeighted` (F_PAST_DUE_SEVERITY) - (30-59) + 2 (60-89) + 3 (90+); missing on a sentinel - monotone +1
            14. `MonthlyIncomeMissing` (F_MONTHLY_INCOME_MISSING) - 1 when income is `NA`
            15. `MonthlyDebtPayment` (F_MONTHLY_DEBT_PAYMENT) - DebtRatio x MonthlyIncome; missing without income
            16. `IncomePerHouseholdMember` (F_INCOME_PER_HOUSEHOLD_MEMBER) - MonthlyIncome / (1 + dependents, `NA` = 0);
                missing without income
            17. `OtherCreditLines` (F_OTHER_CREDIT_LINES) - open lines and loans minus real-estate loans

            Sentinel handling: past-due values of 96 and 98 are codes, not counts. When any appears, the three
            past-due counts and both sums are set to missing and feature 11 is 1, so no tree splits on "98 late
            payments". Missing values use XGBoost's learned default direction. Monotone constraints (+1) on the five
            delinquency features guarantee that one more late payment, all else equal, never lowers the PD
            (`DefaultProbabilityModelTest` checks it on thousands of rows). Bureau fields outside GMSC (application
            counts, court enforcement, thin file) are not model inputs; the hard rules and the routing table use them.

            """, """
            The model is trained on the data's own 6.7% default rate without re-weighting, so its probabilities are
            calibrated to that population (see the table). Our applicants are not GMSC's US borrowers: before
            relying on absolute PDs, recalibrate (e.g. Platt or isotonic) on the platform's own outcomes. Until then
            the routing bands are read as ranks on this distribution, not as promised loss rates.

            """, """
            ## Limitations
            - Trained on 2000s US consumer data (GMSC); Chinese micro-loan applicants differ in income scale,
              product and bureau coverage. Monitor approval and default rates by band and retrain on own outcomes.
            - The bureau's income is in the bureau's currency; GMSC incomes are USD per month. The sandbox bureau
              serves GMSC-like values; a real bureau feed needs a documented conversion before scoring.
            - Hyper-parameters were searched by cross-validation on the training part and the round count by an inner
              split of it, so the validation AUC is an honest hold-out figure; the 20% of GMSC held back by the data
              owners is the independent check.
            - Adverse factors are the top positive SHAP contributions (at most three, each at least 0.01 log-odds):
              exact TreeSHAP, the values of xgboost's `predictContrib`, computed in Java per decision and checked
              against `predictContrib` on probe rows at every load (ADR 0016). A column missing because of a 96/98
              code or a missing income gives its contribution to the indicator that says so (explanation
              `reasons-2`, ADR 0031). They explain this model's score, not causes.
            - Thin-file applicants are scored like everyone else, but rejected from PD 0.30 and otherwise always reviewed
              by senior reviewers.

            ## Protected attributes
            No sex, ethnicity, religion, marital status, region or ID-number-derived field is an input. `age` is a GMSC
            feature and is used (applicants are 18-60 by hard rule); its contribution is reported as an adverse
            factor like any other and should be monitored for disparate impact. `NumberOfDependents` (and the income
            per household member built from it) may correlate with family status; they are kept for predictive
            value and are reviewable the same way.
            """);

    private static final Prose TAIWAN = new Prose("default probability, Taiwan credit cards", """
            ## Intended use
            Evaluation only: shows that the training pipeline (`TrainDefaultModel`: split, early stopping, monotone
            constraints, card) is not fitted to one data set. It scores Taiwan-format card-holder files through
            `decisions-cli.jar evaluate --model taiwan`; the platform's serving path never loads it (bureau reports
            are scored by the GMSC model). Not for any decision about a person.

            """, """
            "Default of credit card clients" (Yeh & Lien 2009, UCI, CC BY 4.0), stratified 80% of the 30,000 Taiwanese
            card holders; label `default.payment.next.month`. `ID` is not a feature.""", """
            ## Features (model column order)
            Built by `TaiwanFeatures.of(TaiwanData.CardHolder)`, the one mapping used by training and evaluation.
            1. `LIMIT_BAL` - credit limit (NT$)
            2. `EDUCATION` - the data set's code, raw (0, 5 and 6 are undocumented codes; trees treat them as values)
            3. `AGE`
            4-9. `PAY_0`, `PAY_2` ... `PAY_6` - repayment status September back to April, raw: -2 no consumption, -1 paid
               in full, 0 revolving, 1-9 months late. No monotone constraint: -2/-1/0 are categories, not amounts.
            10-15. `BILL_AMT1` ... `BILL_AMT6` - statement balances, raw
            16-21. `PAY_AMT1` ... `PAY_AMT6` - amounts paid, raw
            22. `MonthsLate` - months with a status of 1 or more - monotone +1
            23. `WorstDelayMonths` - largest status of the six, 0 when never late - monotone +1
            24. `BillToLimit` - BILL_AMT1 / LIMIT_BAL
            25. `PaidShareOfPreviousBill` - PAY_AMT1 / BILL_AMT2; missing (NaN) when that bill is 0 or negative

            Not used: `SEX` and `MARRIAGE`. `TaiwanData` does not even read them (the card-holder record has no
            field for them), so no feature can be derived from them; marital status is excluded like in the GMSC
            model's protected-attribute list. Sentinel handling: the repayment-status codes -2/-1/0 are kept raw
            (they carry information) and only real delays (1-9) enter the monotone summaries 22-23.

            """, """
            Trained without re-weighting on the data's own 22% default rate, so its PDs are calibrated to that
            population only (see the table).

            """, """
            ## Limitations
            - Taiwanese credit-card holders in 2005, default in one month: a different population, product and
              horizon from the platform's micro-loans; never used for decisions.
            - Hyper-parameters are the GMSC model's, not tuned for this data; the round count comes from an inner
              split of the training part, so the validation figures are an honest hold-out.

            ## Protected attributes
            `SEX` and `MARRIAGE` are in the data and are not inputs. `AGE` and `EDUCATION` are used, as published
            models of this data do; monitor them for disparate impact before any wider use.
            """);

    static final String BANDS = """
            ## Routing bands (risk-route-v5.dmn, FIRST hit policy)
            Any hard-rule hit is REJECT, tier E, whatever the PD. Otherwise PD >= 0.45 is rejected
            (`R_HIGH_DEFAULT_PROBABILITY`); 0.30 to < 0.45 goes to `senior-reviewers` (`R_ELEVATED_SCORE`); 0.05 to < 0.30
            goes to `reviewers` (`R_BORDERLINE_SCORE`), or to `senior-reviewers` when more than 1500.00 is asked
            (`R_BORDERLINE_LARGE_AMOUNT`); below 0.05 is approved, tier A below 0.02 and B above. The poor-credit segment (any
            90+ days past due, or a thin file) is stricter: rejected from PD 0.30; below that a thin file always goes to
            `senior-reviewers` (`R_THIN_FILE`), and 90+ days past due goes there from PD 0.02 (`R_POOR_CREDIT`) and is
            approved in tier C below it. A fraud flag sends an application the rows above would approve, or send to
            `reviewers`, to review (poor credit: `senior-reviewers`, `R_POOR_CREDIT` first); the flag is its reason code. The PD compared is the
            4-decimal value recorded on the decision. The sandbox identities land where docs/architecture.md says (张三
            APPROVE, 李四 REVIEW by `reviewers`); `RiskEngineSandboxIdentitiesTest` checks it against this model and table.
            The mix below is of applicants outside the poor-credit segment, without flags, asking for 1000.00.

            """;

    private ModelCardText() {
    }
}
