package com.loanflow.contract.template;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import java.util.List;
import java.util.Map;

/** Lays out one filled template: each template line becomes a title, heading, paragraph, table or list entry. */
final class ContractTypesetter {

    private static final float[] SCHEDULE_COLUMNS = {1, 2.2f, 2, 2, 2.2f};

    private final Document document;
    private final PdfFont font;
    private final ContractContent content;
    private final Map<String, String> values;

    ContractTypesetter(Document document, PdfFont font, ContractContent content, Map<String, String> values) {
        this.document = document;
        this.font = font;
        this.content = content;
        this.values = values;
    }

    void typeset(List<ContractTemplate.Line> lines) {
        for (ContractTemplate.Line line : lines) {
            switch (line.kind()) {
                case TITLE -> document.add(new Paragraph(text(line.text(), values)).setFontSize(18).simulateBold()
                        .setTextAlignment(TextAlignment.CENTER).setMarginBottom(12));
                case HEADING -> document.add(new Paragraph(text(line.text(), values)).setFontSize(11.5f)
                        .simulateBold().setMarginTop(10).setMarginBottom(2).setKeepWithNext(true));
                case PARAGRAPH -> document.add(new Paragraph(text(line.text(), values)));
                case SCHEDULE -> document.add(schedule(line.text()));
                case AGREEMENT -> content.agreements().forEach(agreement -> document.add(
                        new Paragraph(text(line.text(), ContractValues.of(agreement, values))).setMarginLeft(14)));
            }
        }
    }

    private Table schedule(String headerLine) {
        String[] headers = text(headerLine, values).split("\\|");
        if (headers.length != SCHEDULE_COLUMNS.length) {
            throw new IllegalStateException("schedule header needs " + SCHEDULE_COLUMNS.length + " columns: "
                    + headerLine);
        }
        Table table = new Table(UnitValue.createPercentArray(SCHEDULE_COLUMNS)).useAllAvailableWidth()
                .setFontSize(9.5f).setMarginTop(4).setMarginBottom(4);
        for (String header : headers) {
            table.addHeaderCell(new Cell().add(new Paragraph(header.strip())).simulateBold()
                    .setTextAlignment(TextAlignment.CENTER));
        }
        for (ScheduleLine line : content.schedule()) {
            List<String> row = ContractValues.row(line);
            for (int column = 0; column < row.size(); column++) {
                // Dates and sequence numbers read best centred, amounts right-aligned so the decimals line up.
                TextAlignment alignment = column < 2 ? TextAlignment.CENTER : TextAlignment.RIGHT;
                table.addCell(new Cell().add(new Paragraph(row.get(column))).setTextAlignment(alignment));
            }
        }
        return table;
    }

    private String text(String templateText, Map<String, String> lineValues) {
        return ContractFont.requireGlyphs(font, Placeholders.fill(templateText, lineValues));
    }
}
