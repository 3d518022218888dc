package com.loanflow.workers.platform;

/** Masked forms of personal data, the only forms that may appear in log lines and messages. */
public final class Masked {

    private Masked() {
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.substring(0, 1) + "*".repeat(name.length() - 1);
    }

    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 4, 4);
    }

    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    public static String cardNumber(String card) {
        return keepEnds(card, 0, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return "";
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
