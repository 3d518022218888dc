package com.loanflow.risk;

import java.math.BigDecimal;

/**
 * A repeat borrower's repayment record, as the repayment feature counts it on this platform.
 *
 * @param currentLimit       the credit limit now (CNY)
 * @param riskTier           tier of the borrower's last risk decision
 * @param settledLoans       loans repaid in full
 * @param onTimeInstallments installments paid by their due date, over all loans
 * @param maxDaysPastDue     the worst days past due of any installment, 0 when never late
 */
public record LimitIncreaseRequest(BigDecimal currentLimit, String riskTier, int settledLoans, int onTimeInstallments,
                                   int maxDaysPastDue) {
}
