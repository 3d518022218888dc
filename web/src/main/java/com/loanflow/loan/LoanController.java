package com.loanflow.loan;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoanController {

    record ScheduleLine(int seq, LocalDate dueDate, String principal, String interest, String total, String paid,
                        Installment.InstallmentStatus status, String penalty) {
    }

    /** The amount that settles the loan on asOf (total), and its parts; see {@link SettlementQuote}. */
    record SettlementQuoteView(LocalDate asOf, String remainingPrincipal, String accruedInterest, String overduePenalty,
                               String total) {
    }

    /**
     * outstanding = settlementAmount: what the borrower owes today and what settles the loan (interest only for the
     * days elapsed, contract 1.1 第六条); outstandingInterest: the scheduled interest not yet paid, most of which is
     * not owed unless the borrower keeps the loan to term.
     * aprPercent: the nominal rate of the schedule; irrAprPercent: the APR disclosed as the IRR of the actual cash
     * flows (monthly IRR × 12, 2 decimals); serviceFee: deducted from the payout; penaltyDailyRatePercent: per day
     * on overdue principal.
     */
    record LoanView(String loanId, String applicationId, LoanStatus status, String principal, String aprPercent,
                    int termMonths, String outstanding, String outstandingPrincipal, String outstandingInterest,
                    List<ScheduleLine> schedule, String irrAprPercent, String serviceFee, String outstandingPenalty,
                    String penaltyDailyRatePercent, String aprConvention, String settlementAmount, LocalDate asOf) {
    }

    static final String APR_CONVENTION = AnnualPercentageRate.CONVENTION;

    private final Loans loans;

    LoanController(Loans loans) {
        this.loans = loans;
    }

    @GetMapping("/api/v1/loans/{loanId}/settlement-quote")
    SettlementQuoteView settlementQuote(BorrowerPrincipal principal, @PathVariable String loanId) {
        SettlementQuote quote = loans.settlementQuote(loans.getOwnedUpToDate(principal.borrowerId(), loanId));
        return new SettlementQuoteView(quote.asOf(), Money.format(quote.remainingPrincipal()),
                Money.format(quote.accruedInterest()), Money.format(quote.overduePenalty()), Money.format(quote.total()));
    }

    @GetMapping("/api/v1/loans/{loanId}")
    LoanView get(BorrowerPrincipal principal, @PathVariable String loanId) {
        Loan loan = loans.getOwnedUpToDate(principal.borrowerId(), loanId);
        SettlementQuote quote = loans.settlementQuote(loan);
        String settlementAmount = Money.format(quote.total());
        List<ScheduleLine> schedule = loans.installments(loanId).stream()
                .map(i -> new ScheduleLine(i.seq(), i.dueDate(), Money.format(i.principalDue()),
                        Money.format(i.interestDue()), Money.format(i.principalDue().add(i.interestDue())),
                        Money.format(i.principalPaid().add(i.interestPaid()).add(i.penaltyPaid())), i.status(),
                        Money.format(i.penaltyDue())))
                .toList();
        return new LoanView(loan.id(), loan.applicationId(), loan.status(), Money.format(loan.principal()),
                loan.aprPercent().toPlainString(), loan.termMonths(), settlementAmount,
                Money.format(loan.outstandingPrincipal()), Money.format(loan.outstandingInterest()), schedule,
                loan.irrAprPercent() == null ? null : loan.irrAprPercent().toPlainString(),
                Money.format(loan.serviceFee()), Money.format(loan.outstandingPenalty()),
                LoanProduct.penaltyDailyRatePercent(loan.aprPercent()).toPlainString(), APR_CONVENTION,
                settlementAmount, quote.asOf());
    }
}
