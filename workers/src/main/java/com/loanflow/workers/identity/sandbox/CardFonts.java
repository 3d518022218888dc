package com.loanflow.workers.identity.sandbox;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * A CJK font for the card images: Noto Sans CJK (Debian fonts-noto-cjk) or another installed CJK family; the
 * logical SansSerif font otherwise, which a JDK maps to whatever the host has.
 */
final class CardFonts {

    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC");
    private static final String FAMILY = pick();

    private CardFonts() {
    }

    static Font cjk(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    static String family() {
        return FAMILY;
    }

    private static String pick() {
        try {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames());
            return PREFERRED.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
        } catch (RuntimeException | InternalError | LinkageError noFontConfiguration) {
            return Font.SANS_SERIF;
        }
    }
}
