package com.loanflow.workers.identity.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
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

    public static byte[] renderFront(String name, String idNumber, String address) {
        BufferedImage image = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB); // ID-1 card proportions
        Graphics2D g = begin(image, new Color(232, 240, 246));
        g.setColor(new Color(120, 150, 180));
        g.setStroke(new BasicStroke(4));
        g.drawRoundRect(8, 8, 840, 524, 40, 40);
        g.setColor(new Color(200, 205, 210));
        g.fillRect(600, 90, 200, 250); // photo area
        label(g, 60, 110, "姓名  " + name, 34);
        label(g, 60, 200, "住址  " + address, 26);
        label(g, 60, 440, "公民身份号码  " + idNumber, 32);
        label(g, 60, 500, "SANDBOX 样例 仅供测试", 20);
        g.dispose();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("idNumber", idNumber);
        fields.put("address", address);
        fields.put("issuedBy", ISSUED_BY);
        fields.put("validUntil", VALID_UNTIL);
        return PngTextChunks.withText(png(image), CARD_CHUNK, json(fields));
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

    /** The visible text is decoration; a host without fonts still gets a valid card (the chunk is the contract). */
    private static void label(Graphics2D g, int x, int y, String text, int size) {
        try {
            g.setColor(new Color(30, 30, 30));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.drawString(text, x, y);
        } catch (RuntimeException | InternalError | LinkageError noFonts) {
            g.fillRect(x, y - size, Math.min(500, text.length() * size / 2), size / 3);
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
