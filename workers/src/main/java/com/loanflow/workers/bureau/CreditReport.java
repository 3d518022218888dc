package com.loanflow.workers.bureau;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bureau report as the worker hands it to the platform's internal API: the same JSON keys as the risk library's
 * CreditBureauReport (docs/architecture.md), without depending on that module. No identifiers.
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // null means NA and is part of the contract
public record CreditReport(
        int applicationsLast7Days, int applicationsLast30Days, int applicationsLast90Days,
        int currentLoans, boolean courtEnforcement, boolean thinFile,
        double revolvingUtilization, int age, int pastDue30To59Days, double debtRatio, Double monthlyIncome,
        int openCreditLinesAndLoans, int pastDue90DaysOrMore, int realEstateLoans, int pastDue60To89Days,
        Integer dependents) {
}
