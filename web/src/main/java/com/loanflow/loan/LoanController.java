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
                        Installment.InstallmentStatus status) {
    }

    record LoanView(String loanId, String applicationId, LoanStatus status, String principal, String aprPercent,
                    int termMonths, String outstanding, String outstandingPrincipal, String outstandingInterest,
                    List<ScheduleLine> schedule) {
    }

    private final Loans loans;

    LoanController(Loans loans) {
        this.loans = loans;
    }

    @GetMapping("/api/v1/loans/{loanId}")
    LoanView get(BorrowerPrincipal principal, @PathVariable String loanId) {
        Loan loan = loans.getOwned(principal.borrowerId(), loanId);
        List<ScheduleLine> schedule = loans.installments(loanId).stream()
                .map(i -> new ScheduleLine(i.seq(), i.dueDate(), Money.format(i.principalDue()),
                        Money.format(i.interestDue()), Money.format(i.principalDue().add(i.interestDue())),
                        Money.format(i.principalPaid().add(i.interestPaid())), i.status()))
                .toList();
        return new LoanView(loan.id(), loan.applicationId(), loan.status(), Money.format(loan.principal()),
                loan.aprPercent().toPlainString(), loan.termMonths(), Money.format(loan.outstanding()),
                Money.format(loan.outstandingPrincipal()), Money.format(loan.outstandingInterest()), schedule);
    }
}
