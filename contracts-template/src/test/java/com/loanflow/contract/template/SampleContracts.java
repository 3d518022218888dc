package com.loanflow.contract.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A 1,000.00 CNY, 6-month, 18% APR equal-installment loan, as the platform would hand it to the renderer. */
public final class SampleContracts {

    static final List<ScheduleLine> SIX_INSTALLMENTS = List.of(
            line(1, "2025-02-15", "160.53", "15.00", "175.53"),
            line(2, "2025-03-15", "162.94", "12.59", "175.53"),
            line(3, "2025-04-15", "165.38", "10.15", "175.53"),
            line(4, "2025-05-15", "167.86", "7.67", "175.53"),
            line(5, "2025-06-15", "170.38", "5.15", "175.53"),
            line(6, "2025-07-15", "172.91", "2.59", "175.50"));

    static final List<AgreementRef> AGREEMENTS = List.of(
            new AgreementRef("PRIVACY_POLICY", "2.1", "个人信息处理规则"),
            new AgreementRef("CREDIT_AUTHORIZATION", "1.3", "征信查询授权书"),
            new AgreementRef("ESIGN_CONSENT", "1.0", "电子签名授权书"));

    private SampleContracts() {
    }

    public static ContractContent sixMonthLoan() {
        return new ContractContent("LF20250115000123", LocalDate.parse("2025-01-15"), "乐融小额贷款有限公司",
                "张伟", "110101199003078515", "138****5678", "6222 **** **** 1234", new BigDecimal("1000.00"), 6,
                new BigDecimal("18.00"), new BigDecimal("53.15"), new BigDecimal("1053.15"), SIX_INSTALLMENTS,
                AGREEMENTS, new BigDecimal("0.00"), new BigDecimal("18.00"), new BigDecimal("0.0493"));
    }

    static ContractContent withBorrowerName(String name) {
        ContractContent c = sixMonthLoan();
        return new ContractContent(c.contractNumber(), c.contractDate(), c.lenderName(), name, c.borrowerIdNumber(),
                c.borrowerMaskedPhone(), c.bankCardMasked(), c.principal(), c.termMonths(), c.aprPercent(),
                c.totalInterest(), c.totalRepayment(), c.schedule(), c.agreements(), c.serviceFee(), c.irrAprPercent(),
                c.penaltyDailyRatePercent());
    }

    static ContractContent withApr(String aprPercent) {
        ContractContent c = sixMonthLoan();
        return new ContractContent(c.contractNumber(), c.contractDate(), c.lenderName(), c.borrowerName(),
                c.borrowerIdNumber(), c.borrowerMaskedPhone(), c.bankCardMasked(), c.principal(), c.termMonths(),
                new BigDecimal(aprPercent), c.totalInterest(), c.totalRepayment(), c.schedule(), c.agreements(),
                c.serviceFee(), c.irrAprPercent(), c.penaltyDailyRatePercent());
    }

    /** The same loan with a service fee deducted from the payout and the APR (IRR) that fee gives. */
    static ContractContent withFee(String fee, String irrAprPercent) {
        ContractContent c = sixMonthLoan();
        return new ContractContent(c.contractNumber(), c.contractDate(), c.lenderName(), c.borrowerName(),
                c.borrowerIdNumber(), c.borrowerMaskedPhone(), c.bankCardMasked(), c.principal(), c.termMonths(),
                c.aprPercent(), c.totalInterest(), c.totalRepayment(), c.schedule(), c.agreements(),
                new BigDecimal(fee), new BigDecimal(irrAprPercent), c.penaltyDailyRatePercent());
    }

    private static ScheduleLine line(int seq, String due, String principal, String interest, String total) {
        return new ScheduleLine(seq, LocalDate.parse(due), new BigDecimal(principal), new BigDecimal(interest),
                new BigDecimal(total));
    }
}
