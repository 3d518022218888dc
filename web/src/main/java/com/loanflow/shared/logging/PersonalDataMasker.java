package com.loanflow.shared.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data wherever it appears in free text (log messages, exception messages): 18-character resident
 * ID numbers, mainland mobile numbers and bank card numbers. A last line of defence: code should log masked
 * values in the first place.
 */
public final class PersonalDataMasker {

    // digit boundaries so that ids inside longer digit runs (timestamps, uuids) are not half-masked
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([1-9][0-9]{3})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9]{12,15}([0-9]{4})(?![0-9])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        String masked = replace(ID_NUMBER, text, m -> m.group(1) + "**********" + m.group(2));
        masked = replace(CARD, masked, m -> "****" + m.group(1));
        return replace(PHONE, masked, m -> m.group(1) + "****" + m.group(2));
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
