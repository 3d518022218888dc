package com.loanflow.loan;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.Applications;
import com.loanflow.application.LoanApplication;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loan activation after a successful disbursement, and reading a loan with its schedule. */
@Service
public class Loans {

    private static final Logger log = LoggerFactory.getLogger(Loans.class);

    private final LoanMapper mapper;
    private final Applications applications;
    private final LoanAccrual accrual;
    private final Clock clock;

    Loans(LoanMapper mapper, Applications applications, LoanAccrual accrual, Clock clock) {
        this.mapper = mapper;
        this.applications = applications;
        this.accrual = accrual;
        this.clock = clock;
    }

    /** Idempotent: the unique key on loan.application_id means a retried activation finds the loan it made. */
    @Transactional
    public Loan activate(String applicationId) {
        var existing = mapper.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        LoanApplication application = applications.get(applicationId);
        // a loan begins with money paid out, a fact the channel confirmed, not with the process reaching this step
        // (an engine user could correlate PayoutSucceeded by hand): without it the activation fails into an incident
        LoanMapper.Payout payout = mapper.findPayout(applicationId)
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId
                        + " has no succeeded payout; a loan is activated only for money paid out"));
        BigDecimal fee = payout.feeAmount();
        // interest and due dates run from the payout, not from this step: activation is a job that may run after
        // midnight, or days later once an incident is resolved (the contract promises the payout day's dates)
        LocalDateTime paidOutAt = payout.paidOutAt();
        List<RepaymentSchedule.Line> schedule = RepaymentSchedule.equalInstallments(application.approvedAmount(),
                application.aprPercent(), application.termMonths(), paidOutAt.toLocalDate());
        String loanId = Ids.newId();
        BigDecimal interest = RepaymentSchedule.totalInterest(schedule);
        // the APR of the actual cash flows, recorded. Not refused here: the cap was enforced when the contract was
        // prepared (before any money moved), and the money is out now; a loan without its schedule would be worse
        List<BigDecimal> flows = AnnualPercentageRate.cashFlows(application.approvedAmount(), fee, schedule);
        BigDecimal irrApr = AnnualPercentageRate.percent(flows);
        if (!AnnualPercentageRate.withinCap(flows)) {
            log.error("Loan of application {} is paid out at an APR of {}%, above the {}% cap (priced before the cap"
                    + " was checked unrounded?): activated as signed, to be reviewed", applicationId,
                    AnnualPercentageRate.exactPercent(flows).setScale(4, java.math.RoundingMode.HALF_UP),
                    AnnualPercentageRate.CAP_PERCENT);
        }
        Loan loan = new Loan(loanId, applicationId, application.borrowerId(), application.approvedAmount(),
                application.aprPercent(), application.termMonths(), application.approvedAmount(), interest,
                LoanStatus.ACTIVE, paidOutAt, null, 0, fee, irrApr, Money.ZERO);
        mapper.insertLoan(loan);
        for (RepaymentSchedule.Line line : schedule) {
            mapper.insertInstallment(new Installment(Ids.newId(), loanId, line.seq(), line.dueDate(), line.principal(),
                    line.interest(), Money.ZERO, Money.ZERO, Installment.InstallmentStatus.PENDING, 0, Money.ZERO,
                    Money.ZERO, Money.ZERO));
        }
        applications.recordLoan(applicationId, loanId);
        applications.moveTo(applicationId, ApplicationStatus.ACTIVE, null);
        return loan;
    }

    public Loan getOwned(String borrowerId, String loanId) {
        Loan loan = mapper.findById(loanId).orElseThrow(() -> ApiException.notFound("Loan"));
        if (!loan.borrowerId().equals(borrowerId)) {
            throw ApiException.notFound("Loan");
        }
        return loan;
    }

    /**
     * The borrower's own loan as it stands once yesterday is accrued ({@link LoanAccrual#catchUp}): for what the
     * borrower is shown and asks to pay, so that a quote does not change when the nightly run reaches the loan.
     */
    public Loan getOwnedUpToDate(String borrowerId, String loanId) {
        getOwned(borrowerId, loanId);
        accrual.catchUp(loanId);
        return getOwned(borrowerId, loanId);
    }

    /** Yesterday's accrual for this loan, if the nightly run has not done it yet; before money is applied to it. */
    public void catchUpAccrual(String loanId) {
        accrual.catchUp(loanId);
    }

    /** What settles the loan today (the platform clock's date), interest only for the days elapsed. */
    public SettlementQuote settlementQuote(Loan loan) {
        return settlementQuote(loan, LocalDate.now(clock));
    }

    public SettlementQuote settlementQuote(Loan loan, LocalDate asOf) {
        return SettlementQuote.of(loan, mapper.findInstallments(loan.id()), asOf);
    }

    /** What settled the loan on a past value date ({@link SettlementQuote#asOfValueDate}). */
    public SettlementQuote settlementQuoteAsOfValueDate(Loan loan, LocalDate valueDate) {
        return SettlementQuote.asOfValueDate(loan, mapper.findInstallments(loan.id()), valueDate);
    }

    public List<Installment> installments(String loanId) {
        return mapper.findInstallments(loanId);
    }
}
