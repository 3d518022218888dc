package com.loanflow.risk;

/**
 * What the credit bureau says about an applicant, without identifiers. The platform stores it sealed (credit_report)
 * and the process carries only its id. The model's fields are named after the GMSC columns in ../shared/data.
 */
public record CreditBureauReport(
        int applicationsLast7Days, int applicationsLast30Days, int applicationsLast90Days,
        int currentLoans, boolean courtEnforcement, boolean thinFile,
        double revolvingUtilization,      // RevolvingUtilizationOfUnsecuredLines
        int age,                          // age
        int pastDue30To59Days,            // NumberOfTime30-59DaysPastDueNotWorse
        double debtRatio,                 // DebtRatio
        Double monthlyIncome,             // MonthlyIncome (null = NA)
        int openCreditLinesAndLoans,      // NumberOfOpenCreditLinesAndLoans
        int pastDue90DaysOrMore,          // NumberOfTimes90DaysLate
        int realEstateLoans,              // NumberRealEstateLoansOrLines
        int pastDue60To89Days,            // NumberOfTime60-89DaysPastDueNotWorse
        Integer dependents) {             // NumberOfDependents (null = NA)
}
