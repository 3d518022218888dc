package com.loanflow.shared.logging;

import com.loanflow.shared.Luhn;
import com.loanflow.shared.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data wherever it appears in free text (log messages, exception messages): 18-character resident
 * ID numbers, mainland mobile numbers and bank card numbers, in the display forms of Masking. A last line of defence:
 * code should log masked values in the first place. People write these numbers in more than one way, so the forms
 * with a country prefix (+86, 0086), with spaces, hyphens or dots between the usual groups (138 1234 5678, 138.1234.5678,
 * 138 12345678, 6222 0200 0000 0056, 110101 19900307 0011, 1101 0119 9003 0700 11) and in full-width digits (１３８…) are
 * masked too.
 */
public final class PersonalDataMasker {

    /** The three patterns of one way of masking: ID numbers first (a card pattern would take them), cards, phones. */
    private record Patterns(Pattern idNumber, Pattern card, Pattern phone) {

        String mask(String text) {
            if (text == null || text.length() < 11) {
                return text;
            }
            text = asciiDigits(text);
            // in fours an ID number looks like other grouped numbers: only one whose check digit is right is taken
            String masked = replace(idNumber, text, m -> m.group("idq") == null || idCheckDigitHolds(digits(m.group()))
                    ? Masking.idNumber(digits(m.group())) : m.group());
            // a run of 16-19 digits is masked as it stands; groups of four only when they are a card (Luhn), so that
            // a grouped reference such as 2026-1126-0001-2345 stays readable nine times in ten
            masked = replace(card, masked, m -> m.group().equals(digits(m.group())) || Luhn.isValid(digits(m.group()))
                    ? Masking.bankCard(digits(m.group())) : m.group());
            // a country prefix stays as written: "+86 138****5678"
            return replace(phone, masked, m -> (m.group(1) == null ? "" : m.group(1)) + Masking.phone(digits(m.group(2))));
        }
    }

    // the groups as people write them, one separator throughout (a space, a hyphen or a dot) or none: "138-1234-5678",
    // not "1381234-5678" (which a uuid's digit groups can form); a mobile number also as 3 + 8 with a space ("138 12345678",
    // not inside an id: "a138 12345678x"; never with a hyphen or dot, which uuids and decimals form), an ID
    // number also in fours ("1101 0119 9003 0700 11", masked only when its check digit is right)
    private static final String ID = "(?:[1-9][0-9]{5}(?:[0-9]{11}|(?<ids>[ .-])[0-9]{8}\\k<ids>[0-9]{3})[0-9Xx\\uFF38\\uFF58]"
            + "|[1-9][0-9]{3}(?<idq>[ .-])[0-9]{4}\\k<idq>[0-9]{4}\\k<idq>[0-9]{4}\\k<idq>[0-9][0-9Xx\\uFF38\\uFF58])";
    // 16-19 digits (mainland debit cards, ValidBankCard) in one run, or written in groups of four
    private static final String CARD = "(?:[0-9]{16,19}|[0-9]{4}(?<cards>[ .-])[0-9]{4}\\k<cards>[0-9]{4}\\k<cards>[0-9]{4}"
            + "(?:\\k<cards>[0-9]{1,3})?)";
    private static final String PHONE = "((?:\\+|00)?86[ -]?)?(1[3-9][0-9](?:[0-9]{8}|(?<phones>[ .-])[0-9]{4}\\k<phones>[0-9]{4}"
            + "|(?<![A-Za-z-][0-9]{3}) [0-9]{8}(?![A-Za-z-])))";

    // digit boundaries so that ids inside longer digit runs (timestamps, uuids) are not half-masked
    private static final Patterns IN_TEXT = new Patterns(
            Pattern.compile("(?<![0-9])" + ID + "(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9])" + CARD + "(?![0-9])"),
            Pattern.compile("(?<![0-9])" + PHONE + "(?![0-9])"));

    // the same numbers standing alone, not inside a longer run of letters and digits (a payout id "PO3F…" has digit
    // runs of phone or card length often enough): for technical texts whose ids operations need intact
    private static final Patterns STANDALONE = new Patterns(
            Pattern.compile("(?<![0-9A-Za-z])" + ID + "(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z])" + CARD + "(?![0-9A-Za-z])"),
            Pattern.compile("(?<![0-9A-Za-z])" + PHONE + "(?![0-9A-Za-z])"));

    private static String digits(String written) {
        return written.replace(" ", "").replace("-", "").replace(".", "");
    }

    /** GB 11643's check digit (ISO 7064 MOD 11-2) of an 18-character resident ID number. */
    static boolean idCheckDigitHolds(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        char expected = "10X98765432".charAt(sum % 11);
        char last = Character.toUpperCase(id.charAt(17));
        return last == expected || last == '\uFF38' && expected == 'X';
    }

    /** Full-width digits (as typed with a Chinese input method) as ASCII, so the patterns see them. */
    private static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c >= '\uFF10' && c <= '\uFF19' ? (char) ('0' + (c - '\uFF10')) : c;
            if (ascii != c && out == null) {
                out = new StringBuilder(text).delete(i, text.length());
            }
            if (out != null) {
                out.append(ascii);
            }
        }
        return out == null ? text : out.toString();
    }

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
