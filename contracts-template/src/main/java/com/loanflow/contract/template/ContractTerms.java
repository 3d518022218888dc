package com.loanflow.contract.template;

/** Checks that the content can truthfully be printed under the template's fixed statements. */
final class ContractTerms {

    private ContractTerms() {
    }

    static void check(ContractContent content, ContractTemplate template) {
        if (content.aprPercent().compareTo(template.aprCapPercent()) > 0) {
            throw new IllegalArgumentException("APR " + content.aprPercent() + "% exceeds the "
                    + template.aprCapPercent() + "% the contract states as its cap");
        }
        if (content.irrAprPercent().compareTo(template.aprCapPercent()) > 0) {
            throw new IllegalArgumentException("APR (IRR) " + content.irrAprPercent() + "% exceeds the "
                    + template.aprCapPercent() + "% the contract states as its cap");
        }
        if (content.serviceFee().signum() < 0 || content.serviceFee().compareTo(content.principal()) >= 0) {
            throw new IllegalArgumentException("service fee " + content.serviceFee() + " must be 0 or more and below the principal");
        }
        if (content.penaltyDailyRatePercent().multiply(java.math.BigDecimal.valueOf(365))
                .compareTo(template.aprCapPercent()) > 0) {
            throw new IllegalArgumentException("daily overdue rate " + content.penaltyDailyRatePercent()
                    + "% exceeds the cap once annualised");
        }
        if (content.termMonths() < 1 || content.schedule().size() != content.termMonths()) {
            throw new IllegalArgumentException("schedule has " + content.schedule().size()
                    + " installments for a " + content.termMonths() + "-month term");
        }
        if (content.agreements().isEmpty()) {
            throw new IllegalArgumentException("a contract must cite the agreements the borrower consented to");
        }
    }
}
