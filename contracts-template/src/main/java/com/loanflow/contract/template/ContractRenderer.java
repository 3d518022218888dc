package com.loanflow.contract.template;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.SignatureFormFieldBuilder;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.layout.LayoutArea;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Renders a loan contract PDF from a versioned template on the classpath. Immutable and thread-safe: every render
 * builds its own document and font; only the template lines and font bytes are shared.
 */
public final class ContractRenderer {

    /** The signature fields every contract carries, empty until signed (ContractSigner fills them in this order). */
    public static final String BORROWER_SIGNATURE_FIELD = "BorrowerSignature";
    public static final String PLATFORM_SEAL_FIELD = "PlatformSeal";
    /** Resource of the font the signature appearances are written in (the contract's own). */
    public static final String SIGNATURE_FONT = "/fonts/NotoSansCJKsc-Regular-GB2312.otf";
    static final float SIGNATURE_BOX_WIDTH = 220;
    static final float SIGNATURE_BOX_HEIGHT = 64;
    static final float SIGNATURE_BOX_GAP = 18;

    /** The template new contracts are signed under; older versions stay on the classpath for re-rendering. */
    static final String CURRENT_TEMPLATE = "/contracts/loan-contract/1.2/template.txt";

    private final ContractTemplate template;
    private final ContractFont font;
    /** For glyph checks only (read-only lookups, safe to share); every render builds its own subset font. */
    private final com.itextpdf.kernel.font.PdfFont glyphs;

    private ContractRenderer(ContractTemplate template, ContractFont font) {
        this.template = template;
        this.font = font;
        this.glyphs = font.newDocumentFont();
    }

    /**
     * The first character of {@code text} the contract cannot print (the font has no glyph for it), if any: a name
     * with such a character is refused when it is given, not when a contract is to be drawn up for an approved loan.
     */
    public java.util.OptionalInt firstUnprintable(String text) {
        return ContractFont.firstMissing(glyphs, text);
    }

    public static ContractRenderer loadDefault() {
        return load(CURRENT_TEMPLATE);
    }

    /** @param templateResource absolute classpath path, e.g. "/contracts/loan-contract/1.0/template.txt" */
    public static ContractRenderer load(String templateResource) {
        ContractTemplate template = ContractTemplate.load(templateResource);
        return new ContractRenderer(template, ContractFont.load(template.fontResource()));
    }

    /** Stored with each signed contract so it can be re-rendered from the same wording. */
    public String templateVersion() {
        return template.id();
    }

    /**
     * @throws MissingPlaceholderException if the template uses a value the content lacks
     * @throws IllegalArgumentException if the content contradicts the template (APR above its cap, a schedule not
     *                                  matching the term) or holds a character the font cannot print
     */
    public byte[] render(ContractContent content) {
        ContractTerms.check(content, template);
        Map<String, String> values = ContractValues.of(content, template);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfDocument pdfDocument = new PdfDocument(new PdfWriter(pdf));
        describe(pdfDocument.getDocumentInfo(), content);
        try (Document document = new Document(pdfDocument, PageSize.A4)) {
            document.setMargins(56, 56, 56, 56);
            PdfFont documentFont = font.newDocumentFont();
            document.setFont(documentFont).setFontSize(10.5f);
            new ContractTypesetter(document, documentFont, content, values).typeset(template.lines());
            signatureBoxes(document, pdfDocument, documentFont);
        }
        return pdf.toByteArray();
    }

    /**
     * Two framed boxes under the last line, labelled, each holding an empty signature field: the borrower reads where
     * the signatures will appear, and the signed contract shows them there (on a new page when the last is full).
     */
    private static void signatureBoxes(Document document, PdfDocument pdfDocument, PdfFont font) {
        float needed = SIGNATURE_BOX_HEIGHT + 2 * SIGNATURE_BOX_GAP;
        LayoutArea area = document.getRenderer().getCurrentArea();
        if (area.getBBox().getHeight() < needed) {
            document.add(new AreaBreak());
            area = document.getRenderer().getCurrentArea();
        }
        int page = area.getPageNumber();
        float top = area.getBBox().getTop() - SIGNATURE_BOX_GAP;
        float left = area.getBBox().getLeft();
        PdfAcroForm form = PdfAcroForm.getAcroForm(pdfDocument, true);
        String[][] boxes = {{BORROWER_SIGNATURE_FIELD, "借款人签名"}, {PLATFORM_SEAL_FIELD, "平台签章"}};
        for (int k = 0; k < boxes.length; k++) {
            Rectangle box = new Rectangle(left + k * (SIGNATURE_BOX_WIDTH + SIGNATURE_BOX_GAP),
                    top - SIGNATURE_BOX_HEIGHT, SIGNATURE_BOX_WIDTH, SIGNATURE_BOX_HEIGHT);
            PdfCanvas canvas = new PdfCanvas(pdfDocument.getPage(page));
            canvas.saveState().setStrokeColor(ColorConstants.GRAY).setLineWidth(0.6f)
                    .rectangle(box.getX(), box.getY(), box.getWidth(), box.getHeight()).stroke()
                    .beginText().setFontAndSize(font, 7).setFillColor(ColorConstants.GRAY)
                    .moveText(box.getX() + 3, box.getTop() - 9).showText(ContractFont.requireGlyphs(font, boxes[k][1]))
                    .endText().restoreState();
            // the field sits inside the frame, under its label
            Rectangle field = new Rectangle(box.getX() + 2, box.getY() + 2, box.getWidth() - 4, box.getHeight() - 14);
            form.addField(new SignatureFormFieldBuilder(pdfDocument, boxes[k][0]).setWidgetRectangle(field)
                    .setPage(page).createSignature(), pdfDocument.getPage(page));
        }
    }

    private void describe(PdfDocumentInfo info, ContractContent content) {
        info.setTitle("借款合同 " + content.contractNumber());
        info.setCreator("Loanflow");
        info.setMoreInfo("LoanflowTemplateVersion", template.id());
    }
}
