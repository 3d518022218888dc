package com.loanflow.shared.logging;

import com.loanflow.shared.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data wherever it appears in free text (log messages, exception messages): 18-character resident
 * ID numbers, mainland mobile numbers and bank card numbers, in the display forms of Masking. A last line of defence: code should log masked
 * values in the first place.
 */
public final class PersonalDataMasker {

    // digit boundaries so that ids inside longer digit runs (timestamps, uuids) are not half-masked
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    private PersonalDataMasker() {
    }

    // the same numbers standing alone, not inside a longer run of letters and digits (a payout id "PO3F…" has digit
    // runs of phone or card length often enough): for technical texts whose ids operations need intact
    private static final Pattern STANDALONE_ID_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern STANDALONE_CARD = Pattern.compile("(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])");
    private static final Pattern STANDALONE_PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

    /**
     * Masks ID, card and phone numbers that stand alone (not inside an identifier of letters and digits): for
     * messages and stack traces that carry platform ids, where {@link #mask} would mask a digit run of an id.
     */
    public static String maskStandalone(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        String masked = replace(STANDALONE_ID_NUMBER, text, m -> Masking.idNumber(m.group()));
        masked = replace(STANDALONE_CARD, masked, m -> Masking.bankCard(m.group()));
        return replace(STANDALONE_PHONE, masked, m -> Masking.phone(m.group()));
    }

    public static String mask(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        String masked = replace(ID_NUMBER, text, m -> Masking.idNumber(m.group()));
        masked = replace(CARD, masked, m -> Masking.bankCard(m.group()));
        return replace(PHONE, masked, m -> Masking.phone(m.group()));
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> masking) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(masking.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
