package com.loanflow.workers.identity.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.identity.ChineseIdNumber;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Sandbox test images: an ID card front and a selfie, as real PNG files whose text chunk carries what the sandbox
 * OCR and liveness providers will "recognise" (see workers/SANDBOX.md). Used by tests and the walkthrough files.
 */
public final class SandboxIdCard {

    public static final String CARD_CHUNK = "loanflow-sandbox-card";
    public static final String SELFIE_CHUNK = "loanflow-sandbox-selfie";
    static final String ISSUED_BY = "沙箱市公安局";
    static final String VALID_UNTIL = "2036-12-31";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SandboxIdCard() {
    }

    /** What a card front shows. validFrom/validUntil as printed: yyyy.MM.dd, or 长期 for a card without end. */
    public record CardFace(String name, String sex, String ethnicity, LocalDate birthDate, String address,
                           String idNumber, String validFrom, String validUntil) {
    }

    /** A clean card for the documented sandbox identities (tests, walkthrough files). */
    public static byte[] renderFront(String name, String idNumber, String address) {
        LocalDate birth = ChineseIdNumber.birthDate(idNumber).orElse(LocalDate.of(1990, 1, 1));
        boolean male = idNumber.length() > 16 && Character.isDigit(idNumber.charAt(16))
                && (idNumber.charAt(16) - '0') % 2 == 1;
        return renderFront(new CardFace(name, male ? "男" : "女", "汉", birth, address, idNumber,
                "2016.12.31", VALID_UNTIL.replace('-', '.')), null);
    }

    /**
     * Draws an ID-card-like front (ID-1 proportions, the labels of a resident ID card) and embeds the sandbox
     * chunk. With a noise source the photo gets what a phone camera adds: a slight rotation, uneven light,
     * speckles and blur.
     */
    public static byte[] renderFront(CardFace face, Random noise) {
        BufferedImage card = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = begin(card, new Color(232, 240, 246));
        g.setColor(new Color(120, 150, 180));
        g.setStroke(new BasicStroke(4));
        g.drawRoundRect(8, 8, 840, 524, 40, 40);
        g.setColor(new Color(200, 205, 210));
        g.fillRect(610, 70, 200, 250); // photo area
        label(g, 50, 90, "姓名", face.name(), 34);
        label(g, 50, 150, "性别", face.sex() + "   民族  " + face.ethnicity(), 26);
        label(g, 50, 205, "出生", face.birthDate().getYear() + " 年 " + face.birthDate().getMonthValue() + " 月 "
                + face.birthDate().getDayOfMonth() + " 日", 26);
        List<String> addressLines = wrap(face.address(), 18);
        for (int i = 0; i < addressLines.size(); i++) {
            label(g, 50, 260 + i * 38, i == 0 ? "住址" : null, addressLines.get(i), 24);
        }
        label(g, 50, 420, "公民身份号码", face.idNumber(), 32);
        label(g, 50, 480, "有效期限", face.validFrom() + "-" + face.validUntil(), 24);
        g.dispose();
        BufferedImage photo = noise == null ? card : CameraNoise.apply(card, noise);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", face.name());
        fields.put("idNumber", face.idNumber());
        fields.put("address", face.address());
        fields.put("issuedBy", ISSUED_BY);
        fields.put("validUntil", face.validUntil().replace('.', '-')); // ISO date, or 长期
        return PngTextChunks.withText(png(photo), CARD_CHUNK, json(fields));
    }

    /** Lines of at most perLine characters, of even length (a card never prints a lone last character). */
    static List<String> wrap(String text, int perLine) {
        int count = (text.length() + perLine - 1) / perLine;
        int length = count == 0 ? 1 : (text.length() + count - 1) / count;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += length) {
            lines.add(text.substring(i, Math.min(text.length(), i + length)));
        }
        return lines;
    }

    public static byte[] renderSelfie(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = begin(image, new Color(180 + random.nextInt(60), 200, 220));
        g.setColor(new Color(225 + random.nextInt(25), 190 + random.nextInt(30), 160 + random.nextInt(30)));
        g.fillOval(120, 140, 240, 310); // face
        g.setColor(Color.DARK_GRAY);
        g.fillOval(180, 250, 30, 18); // eyes
        g.fillOval(270, 250, 30, 18);
        g.setStroke(new BasicStroke(6));
        g.drawArc(195, 340, 90, 50, 200, 140); // mouth
        g.setColor(new Color(40 + random.nextInt(40), 30, 20));
        g.fillArc(110, 110, 260, 150, 0, 180); // hair
        g.dispose();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seed", seed);
        fields.put("liveness", SandboxLiveness.scoreForSeed(seed));
        return PngTextChunks.withText(png(image), SELFIE_CHUNK, json(fields));
    }

    private static Graphics2D begin(BufferedImage image, Color background) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Labels in a CJK font where the host has one; without fonts the card is still valid (the chunk is the contract). */
    private static void label(Graphics2D g, int x, int y, String label, String value, int size) {
        try {
            g.setColor(new Color(70, 110, 150));
            g.setFont(CardFonts.cjk(Font.PLAIN, 22));
            if (label != null) {
                g.drawString(label, x, y);
            }
            int valueX = x + (label == null || label.length() <= 4 ? 100 : 180);
            g.setColor(new Color(25, 25, 25));
            g.setFont(CardFonts.cjk(Font.PLAIN, size));
            g.drawString(value, valueX, y);
        } catch (RuntimeException | InternalError | LinkageError noFonts) {
            g.fillRect(x, y - size, Math.min(500, value.length() * size / 2), size / 3);
        }
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
