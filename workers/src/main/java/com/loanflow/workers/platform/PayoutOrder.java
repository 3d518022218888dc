package com.loanflow.workers.platform;

/** The platform's disbursement for an application: created once, the same row (and requestId) on every call. */
public record PayoutOrder(String disbursementId, String requestId, String amount, String bankCardNumber,
                          String status) {

    /** SUCCEEDED or FAILED: the channel's callback has already decided, nothing is left to send. */
    public boolean decided() {
        return "SUCCEEDED".equals(status) || "FAILED".equals(status);
    }

    @Override
    public String toString() {
        return "PayoutOrder[disbursementId=" + disbursementId + ", requestId=" + requestId + ", amount=" + amount
                + ", card=" + Masked.cardNumber(bankCardNumber) + ", status=" + status + "]";
    }
}
