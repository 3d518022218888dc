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

    /** The three patterns of one way of masking: ID numbers first (a card pattern would take them), cards, phones. */
    private record Patterns(Pattern idNumber, Pattern card, Pattern phone) {

        String mask(String text) {
            if (text == null || text.length() < 11) {
                return text;
            }
            String masked = replace(idNumber, text, m -> Masking.idNumber(m.group()));
            masked = replace(card, masked, m -> Masking.bankCard(m.group()));
            return replace(phone, masked, m -> Masking.phone(m.group()));
        }
    }

    // digit boundaries so that ids inside longer digit runs (timestamps, uuids) are not half-masked
    private static final Patterns IN_TEXT = new Patterns(
            Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])"),
            Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])"));

    // the same numbers standing alone, not inside a longer run of letters and digits (a payout id "PO3F…" has digit
    // runs of phone or card length often enough): for technical texts whose ids operations need intact
    private static final Patterns STANDALONE = new Patterns(
            Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])"));

    private PersonalDataMasker() {
    }

    /**
     * Masks ID, card and phone numbers that stand alone (not inside an identifier of letters and digits): for
     * messages and stack traces that carry platform ids, where {@link #mask} would mask a digit run of an id.
     */
    public static String maskStandalone(String text) {
        return STANDALONE.mask(text);
    }

    public static String mask(String text) {
        return IN_TEXT.mask(text);
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
