package com.loanflow.contract.template;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Renders a loan contract PDF from a versioned template on the classpath. Immutable and thread-safe: every render
 * builds its own document and font; only the template lines and font bytes are shared.
 */
public final class ContractRenderer {

    /** The template new contracts are signed under; older versions stay on the classpath for re-rendering. */
    static final String CURRENT_TEMPLATE = "/contracts/loan-contract/1.2/template.txt";

    private final ContractTemplate template;
    private final ContractFont font;

    private ContractRenderer(ContractTemplate template, ContractFont font) {
        this.template = template;
        this.font = font;
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
        }
        return pdf.toByteArray();
    }

    private void describe(PdfDocumentInfo info, ContractContent content) {
        info.setTitle("借款合同 " + content.contractNumber());
        info.setCreator("Loanflow");
        info.setMoreInfo("LoanflowTemplateVersion", template.id());
    }
}
