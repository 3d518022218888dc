package com.loanflow.contract.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed form of each ${placeholder}: money as 1,000.00, dates as 2025年1月15日, rates without rounding. */
final class ContractValues {

    private ContractValues() {
    }

    static Map<String, String> of(ContractContent content, ContractTemplate template) {
        List<ScheduleLine> schedule = content.schedule();
        Map<String, String> values = new HashMap<>();
        values.put("templateVersion", template.id());
        values.put("contractNumber", content.contractNumber());
        values.put("contractDate", date(content.contractDate()));
        values.put("lenderName", content.lenderName());
        values.put("borrowerName", content.borrowerName());
        values.put("borrowerIdNumber", content.borrowerIdNumber());
        values.put("borrowerMaskedPhone", content.borrowerMaskedPhone());
        values.put("bankCardMasked", content.bankCardMasked());
        values.put("principal", money(content.principal()));
        values.put("principalInWords", AmountInWords.of(content.principal()));
        values.put("termMonths", Integer.toString(content.termMonths()));
        values.put("aprPercent", rate(content.aprPercent()));
        values.put("aprCapPercent", rate(template.aprCapPercent()));
        values.put("totalInterest", money(content.totalInterest()));
        values.put("totalRepayment", money(content.totalRepayment()));
        values.put("serviceFee", money(content.serviceFee()));
        values.put("netDisbursed", money(content.principal().subtract(content.serviceFee())));
        values.put("totalCost", money(content.totalInterest().add(content.serviceFee())));
        values.put("irrAprPercent", rate(content.irrAprPercent()));
        values.put("penaltyDailyRatePercent", rate(content.penaltyDailyRatePercent()));
        values.put("totalRepaymentInWords", AmountInWords.of(content.totalRepayment()));
        values.put("firstDueDate", date(schedule.get(0).dueDate()));
        values.put("lastDueDate", date(schedule.get(schedule.size() - 1).dueDate()));
        return values;
    }

    static Map<String, String> of(AgreementRef agreement, Map<String, String> contractValues) {
        Map<String, String> values = new HashMap<>(contractValues);
        values.put("agreementType", agreement.type());
        values.put("agreementVersion", agreement.version());
        values.put("agreementTitle", agreement.title());
        return values;
    }

    static List<String> row(ScheduleLine line) {
        return List.of(Integer.toString(line.seq()), line.dueDate().toString(), money(line.principal()),
                money(line.interest()), money(line.total()));
    }

    /** Money is printed exactly; a third decimal place is an upstream bug, not something to round here. */
    static String money(BigDecimal amount) {
        // DecimalFormat is not thread-safe, so one per call.
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    static String rate(BigDecimal percent) {
        int scale = Math.max(2, percent.stripTrailingZeros().scale());
        return percent.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
