package com.loanflow.workers.identity.ocr;

import com.loanflow.workers.identity.ChineseIdNumber;
import java.util.Map;
import java.util.Optional;

/**
 * An ID number as OCR reads it: letters that look like digits (O→0, l→1, Z→2, S→5, B→8 …) are read as the digit,
 * the label and separators dropped. Only an 18-character result passing the GB 11643 check character counts.
 */
final class OcrIdNumber {

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('O', '0'), Map.entry('o', '0'), Map.entry('D', '0'), Map.entry('Q', '0'), Map.entry('U', '0'),
            Map.entry('I', '1'), Map.entry('l', '1'), Map.entry('i', '1'), Map.entry('|', '1'), Map.entry('!', '1'),
            Map.entry('J', '1'), Map.entry('Z', '2'), Map.entry('z', '2'), Map.entry('S', '5'), Map.entry('s', '5'),
            Map.entry('B', '8'), Map.entry('G', '6'), Map.entry('b', '6'), Map.entry('g', '9'), Map.entry('q', '9'),
            Map.entry('T', '7'), Map.entry('x', 'X'), Map.entry('×', 'X'), Map.entry('Ｘ', 'X'));

    private OcrIdNumber() {
    }

    /** The digits (and X) of an OCR'd text with look-alikes mapped; everything else dropped. */
    static String normalise(String ocrText) {
        StringBuilder out = new StringBuilder();
        for (char c : ocrText.toCharArray()) {
            char d = c >= '０' && c <= '９' ? (char) (c - '０' + '0') : LOOK_ALIKES.getOrDefault(c, c);
            if (Character.isDigit(d) && d < 128 || d == 'X') {
                out.append(d);
            }
        }
        return out.toString();
    }

    /** A valid ID number in the text: the last 18 characters after normalising, if their check character holds. */
    static Optional<String> read(String ocrText) {
        String digits = normalise(ocrText);
        // X only stands last; an X elsewhere was noise (a stroke of the label, a speckle)
        boolean endsInX = digits.endsWith("X");
        String cleaned = digits.replace("X", "") + (endsInX ? "X" : "");
        if (cleaned.length() > 18) {
            cleaned = cleaned.substring(cleaned.length() - 18);
        }
        return ChineseIdNumber.isValid(cleaned) ? Optional.of(cleaned) : Optional.empty();
    }
}
