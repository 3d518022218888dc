package com.loanflow.workers.identity.ocr;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of an ID card front in OCR'd lines, found by their printed labels (姓名, 住址, 公民身份号码, 有效期限).
 * OCR may garble a label's characters, so a line is recognised by any one of them and the label is stripped by its
 * characters, not by position.
 */
final class IdCardText {

    private static final Pattern VALIDITY = Pattern.compile(
            "(\\d{4})[.\\-](\\d{2})[.\\-](\\d{2})[-—~至]+((\\d{4})[.\\-](\\d{2})[.\\-](\\d{2})|长期)");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    /** OCR reads specks and the photo's edge as quotes, commas and the like; an address has none of them. */
    private static final Pattern ADDRESS_NOISE = Pattern.compile("[^\\p{IsHan}0-9A-Za-z\\-()（）]");

    record Reading(String name, String idNumberText, int idLine, String address, String validUntil) {
    }

    private IdCardText() {
    }

    static Reading read(List<OcrLine> lines) {
        String name = null;
        String address = null;
        String idText = null;
        int idLine = -1;
        String validUntil = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            Matcher validity = VALIDITY.matcher(text.replace(" ", ""));
            if (validity.find() || labelled(text, "有效期限", 2)) {
                if (validUntil == null && validity.find(0)) {
                    validUntil = validity.group(5) == null ? "长期"
                            : validity.group(5) + "-" + validity.group(6) + "-" + validity.group(7);
                }
            } else if (isIdLine(text)) {
                if (idText == null) {
                    idText = stripLabel(text, "公民身份号码");
                    idLine = i;
                }
            } else if (name == null && labelled(text, "姓名", 1)) {
                name = hanAfterLabel(text, "姓名");
            } else if (address == null && labelled(text, "住址", 1)) {
                StringBuilder joined = new StringBuilder(stripLabel(text, "住址"));
                // a long address wraps onto unlabelled lines until the ID number's line
                for (int j = i + 1; j < lines.size() && !isIdLine(lines.get(j).text())
                        && !labelled(lines.get(j).text(), "有效期限", 2); j++) {
                    joined.append(lines.get(j).text());
                }
                address = ADDRESS_NOISE.matcher(joined).replaceAll("");
            }
        }
        return new Reading(name, idText, idLine, address, validUntil);
    }

    static Optional<String> idNumber(Reading reading) {
        return reading.idNumberText() == null ? Optional.empty() : OcrIdNumber.read(reading.idNumberText());
    }

    /** The ID number's line: its label, or the digits (the validity line, also digits, is recognised first). */
    private static boolean isIdLine(String text) {
        return labelled(text, "公民身份号码", 3) || OcrIdNumber.normalise(text).length() >= 15;
    }

    /** Whether at least {@code atLeast} of the label's characters are among the line's first few. */
    private static boolean labelled(String text, String label, int atLeast) {
        String head = text.substring(0, Math.min(text.length(), label.length() + 1));
        return head.chars().filter(c -> label.indexOf(c) >= 0).count() >= atLeast;
    }

    private static String stripLabel(String text, String label) {
        int start = 0;
        int limit = Math.min(text.length(), label.length() + 2);
        for (int i = 0; i < limit; i++) {
            if (label.indexOf(text.charAt(i)) >= 0) {
                start = i + 1;
            }
        }
        return text.substring(start);
    }

    private static String hanAfterLabel(String text, String label) {
        Matcher han = HAN.matcher(stripLabel(text, label));
        StringBuilder out = new StringBuilder();
        while (han.find()) {
            out.append(han.group());
        }
        return out.toString();
    }
}
