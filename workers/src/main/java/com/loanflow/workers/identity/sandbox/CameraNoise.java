package com.loanflow.workers.identity.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Random;

/**
 * What a phone photo of a card adds: a slight rotation (±2.5°) on a darker background, uneven light, sensor
 * speckles and a little blur. Deterministic for a given Random, so a failing card can be drawn again.
 */
final class CameraNoise {

    private static final double MAX_DEGREES = 2.5;

    private CameraNoise() {
    }

    static BufferedImage apply(BufferedImage card, Random random) {
        int margin = 30;
        BufferedImage photo = new BufferedImage(card.getWidth() + 2 * margin, card.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int table = 90 + random.nextInt(60);
        g.setColor(new Color(table, table - 10, table - 20)); // the table the card lies on
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        double degrees = (random.nextDouble() * 2 - 1) * MAX_DEGREES;
        AffineTransform transform = new AffineTransform();
        transform.translate(margin, margin);
        transform.rotate(Math.toRadians(degrees), card.getWidth() / 2.0, card.getHeight() / 2.0);
        g.drawImage(card, transform, null);
        g.dispose();
        lightAndSpeckles(photo, random);
        return blur(photo);
    }

    private static void lightAndSpeckles(BufferedImage photo, Random random) {
        double gradient = 0.15 * random.nextDouble(); // light falls off across the card
        double sigma = 4 + 6 * random.nextDouble();
        int width = photo.getWidth();
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                double light = 1 - gradient * x / width;
                int rgb = photo.getRGB(x, y);
                double n = random.nextGaussian() * sigma;
                if (random.nextInt(1000) == 0) {
                    n += random.nextBoolean() ? 90 : -90; // a speckle
                }
                photo.setRGB(x, y, (channel(rgb >> 16, light, n) << 16) | (channel(rgb >> 8, light, n) << 8)
                        | channel(rgb, light, n));
            }
        }
    }

    private static int channel(int value, double light, double noise) {
        return (int) Math.max(0, Math.min(255, (value & 0xff) * light + noise));
    }

    private static BufferedImage blur(BufferedImage photo) {
        float[] kernel = {0.0625f, 0.125f, 0.0625f, 0.125f, 0.25f, 0.125f, 0.0625f, 0.125f, 0.0625f};
        return new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
    }
}
