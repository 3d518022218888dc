package com.loanflow.contract.template;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CJK font a template prints with, embedded as a per-document subset so the PDF looks the same in any viewer.
 * Only the bytes are shared: iText's font program reads its source while subsetting, so each render parses its own.
 */
final class ContractFont {

    private final String resource;
    private final byte[] program;

    private ContractFont(String resource, byte[] program) {
        this.resource = resource;
        this.program = program;
    }

    static ContractFont load(String resource) {
        return new ContractFont(resource, ContractTemplate.readBytes(resource));
    }

    PdfFont newDocumentFont() {
        try {
            FontProgram font = FontProgramFactory.createFont(program, false);
            return PdfFontFactory.createFont(font, PdfEncodings.IDENTITY_H,
                    PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }

    /**
     * A character the font lacks would print as a blank box: refuse rather than sign a contract nobody can read. The
     * message names the code point only, never the text: the text is a filled-in line (a borrower's name, say), and
     * the message ends up in the engine's job and incident tables and in logs.
     */
    static String requireGlyphs(PdfFont font, String text) {
        firstMissing(font, text).ifPresent(c -> {
            throw new IllegalArgumentException("contract font has no glyph for U+"
                    + Integer.toHexString(c).toUpperCase() + " in a filled-in line");
        });
        return text;
    }

    static java.util.OptionalInt firstMissing(PdfFont font, String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c) && !font.containsGlyph(c)).findFirst();
    }
}
