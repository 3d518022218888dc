package com.loanflow.workers.platform;

/**
 * The applicant as the platform's internal API returns it. Plaintext personal data: kept in memory for one task,
 * never stored in process variables; toString masks it so a stray log line cannot leak it.
 */
public record Applicant(String applicationId, String borrowerId, String name, String idNumber, String phone,
                        String bankCardNumber, String idCardFrontImage, String selfieImage) {

    @Override
    public String toString() {
        return "Applicant[applicationId=" + applicationId + ", name=" + Masked.name(name)
                + ", idNumber=" + Masked.idNumber(idNumber) + ", phone=" + Masked.phone(phone) + "]";
    }
}
