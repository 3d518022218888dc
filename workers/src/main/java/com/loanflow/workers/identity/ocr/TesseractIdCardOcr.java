package com.loanflow.workers.identity.ocr;

import com.loanflow.workers.identity.IdCardOcr;
import com.loanflow.workers.identity.sandbox.PngTextChunks;
import com.loanflow.workers.platform.RetryableFailure;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR of an ID card front with Tesseract (chi_sim). The whole card is read once as TSV (text with line boxes);
 * when the ID number found there fails its GB 11643 check character, its line is cut out and read again as digits
 * only, which is what a misread usually needs. A card whose name or valid ID number cannot be read is unreadable.
 * A failing tesseract run is a technical failure (IOException), not an unreadable card.
 */
public class TesseractIdCardOcr implements IdCardOcr {

    private static final Logger log = LoggerFactory.getLogger(TesseractIdCardOcr.class);
    private static final List<String> CARD = List.of("-l", "chi_sim", "--psm", "6", "tsv");
    private static final List<String> DIGITS = List.of("-l", "eng", "--psm", "7", "-c",
            "tessedit_char_whitelist=0123456789X");

    private final TesseractCommand tesseract;

    public TesseractIdCardOcr(TesseractCommand tesseract) {
        this.tesseract = tesseract;
    }

    @Override
    public Optional<Fields> read(byte[] image) {
        Optional<BufferedImage> card = decode(image);
        if (card.isEmpty()) {
            log.info("Tesseract OCR: not an image");
            return Optional.empty();
        }
        try {
            // the photo as uploaded: tesseract's own grayscale is better than Java2D's (which ignores gamma)
            List<OcrLine> lines = OcrLine.fromTsv(tesseract.recognise(image, CARD));
            IdCardText.Reading reading = IdCardText.read(lines);
            Optional<String> idNumber = IdCardText.idNumber(reading);
            if (idNumber.isEmpty() && reading.idLine() >= 0) {
                OcrLine line = lines.get(reading.idLine());
                Rectangle digits = line.digitsBox() != null ? line.digitsBox() : line.box();
                idNumber = OcrIdNumber.read(tesseract.recognise(png(crop(card.get(), digits)), DIGITS));
            }
            if (reading.name() == null || reading.name().isEmpty() || idNumber.isEmpty()) {
                log.info("Tesseract OCR: {} lines, name read: {}, valid ID number read: {}", lines.size(),
                        reading.name() != null && !reading.name().isEmpty(), idNumber.isPresent());
                return Optional.empty();
            }
            return Optional.of(new Fields(reading.name(), idNumber.get(), reading.address(), null,
                    reading.validUntil()));
        } catch (IOException e) {
            throw new OcrUnavailable("Tesseract OCR failed: " + e.getMessage(), e);
        }
    }

    /** tesseract did not run or did not finish: the task is retried, the card is not judged. */
    public static class OcrUnavailable extends RetryableFailure {
        OcrUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Optional<BufferedImage> decode(byte[] image) {
        if (image == null || image.length == 0 || image.length > PngTextChunks.MAX_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(image)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The ID number (or its whole line) with a margin. */
    private static BufferedImage crop(BufferedImage image, Rectangle line) {
        Rectangle area = new Rectangle(line.x - 10, line.y - 12, line.width + 20, line.height + 24)
                .intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        return image.getSubimage(area.x, area.y, area.width, area.height);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
