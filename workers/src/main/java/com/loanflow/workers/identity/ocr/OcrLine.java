package com.loanflow.workers.identity.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line of recognised text with its box on the image, from tesseract's TSV output; digitsBox covers the words that
 * are mostly digits (the ID number without its label), or is null.
 */
record OcrLine(String text, Rectangle box, Rectangle digitsBox) {

    /** Words further apart than this many character heights belong to something else (the photo's frame). */
    private static final int MAX_GAP_IN_HEIGHTS = 3;

    private record Word(String text, Rectangle box) {
    }

    /**
     * Groups the TSV's words (level 5) into lines by block, paragraph and line number. Words are joined without
     * spaces: chi_sim puts a space between CJK characters, and no field of an ID card needs one. A line ends at a
     * wide gap: what lies beyond it (specks on the photo area, the card's edge) is not part of the field.
     */
    static List<OcrLine> fromTsv(String tsv) {
        Map<String, List<Word>> words = new LinkedHashMap<>();
        for (String row : tsv.lines().skip(1).toList()) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5") || c[11].isBlank()) {
                continue;
            }
            words.computeIfAbsent(c[2] + "/" + c[3] + "/" + c[4], k -> new ArrayList<>()).add(new Word(c[11].strip(),
                    new Rectangle(Integer.parseInt(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]),
                            Integer.parseInt(c[9]))));
        }
        List<OcrLine> lines = new ArrayList<>();
        for (List<Word> line : words.values()) {
            int height = line.stream().mapToInt(w -> w.box().height).sorted().toArray()[line.size() / 2];
            StringBuilder text = new StringBuilder();
            Rectangle box = null;
            Rectangle digitsBox = null;
            for (Word word : line) {
                if (box != null && word.box().x - (box.x + box.width) > MAX_GAP_IN_HEIGHTS * height) {
                    break;
                }
                text.append(word.text());
                box = box == null ? new Rectangle(word.box()) : box.union(word.box());
                if (OcrIdNumber.normalise(word.text()).length() * 2 > word.text().length()) {
                    digitsBox = digitsBox == null ? new Rectangle(word.box()) : digitsBox.union(word.box());
                }
            }
            lines.add(new OcrLine(text.toString(), box, digitsBox));
        }
        return lines;
    }
}
