package com.loanflow.contract.template;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A contract template read from the classpath (see README for the line syntax). Settings ("@key value") say which
 * version this is, which font it needs and the legal APR cap it states; the remaining lines are the text.
 */
record ContractTemplate(String id, String fontResource, BigDecimal aprCapPercent, List<Line> lines) {

    enum Kind { TITLE, HEADING, PARAGRAPH, SCHEDULE, AGREEMENT }

    /** One template line; for SCHEDULE the text is the column headers separated by '|'. */
    record Line(Kind kind, String text) {
    }

    static ContractTemplate load(String resource) {
        Map<String, String> settings = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (String raw : read(resource).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                String[] setting = line.substring(1).split("\\s+", 2);
                settings.put(setting[0], setting.length > 1 ? setting[1] : "");
            } else {
                lines.add(parse(line));
            }
        }
        return new ContractTemplate(required(settings, "template-id", resource), required(settings, "font", resource),
                new BigDecimal(required(settings, "apr-cap-percent", resource)), List.copyOf(lines));
    }

    private static Line parse(String line) {
        if (line.startsWith("== ")) {
            return new Line(Kind.HEADING, line.substring(3));
        }
        if (line.startsWith("= ")) {
            return new Line(Kind.TITLE, line.substring(2));
        }
        if (line.startsWith("[schedule] ")) {
            return new Line(Kind.SCHEDULE, line.substring(11));
        }
        if (line.startsWith("[agreement] ")) {
            return new Line(Kind.AGREEMENT, line.substring(12));
        }
        return new Line(Kind.PARAGRAPH, line);
    }

    private static String required(Map<String, String> settings, String key, String resource) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("template " + resource + " lacks @" + key);
        }
        return value;
    }

    /** getResourceAsStream rather than a file path: the template sits inside a nested jar in the Spring Boot app. */
    static byte[] readBytes(String resource) {
        try (InputStream in = ContractTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath resource " + resource, e);
        }
    }

    private static String read(String resource) {
        return new String(readBytes(resource), StandardCharsets.UTF_8);
    }
}
