package com.loanflow.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Mobile number → province from the number's first seven digits (the segment the carrier was allotted), using the
 * offline table in {@code ip2region/mobile-segments.data.gz} (see {@code ip2region/NOTICE.md}). The table is from
 * 2015: segments allotted later (166, 19x, ...) and numbers ported between carriers are unknown, never guessed.
 *
 * <p>File format: blocks separated by "----------"; block "area" maps an area id to "省 市"; block "number-NNN"
 * has one line per 4-digit suffix 0000–9999 of the 3-digit prefix NNN, "areaId,carrierId" or empty.
 */
@Component
public class PhoneRegions {

    static final String TABLE = "/ip2region/mobile-segments.data.gz";

    /** prefix (130..199) → 10,000 province short names by the next four digits, null where unknown. */
    private final Map<Integer, String[]> segments = new HashMap<>();

    public PhoneRegions() {
        try (InputStream raw = PhoneRegions.class.getResourceAsStream(TABLE)) {
            if (raw == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            load(new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load(BufferedReader reader) throws IOException {
        Map<String, String> provinceByArea = new HashMap<>();
        String block = null;
        String[] current = null;
        int row = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.equals("----------")) {
                block = null;
                continue;
            }
            if (block == null) {
                block = line;
                current = null;
                row = 0;
                if (block.startsWith("number-")) {
                    current = new String[10_000];
                    segments.put(Integer.parseInt(block.substring(7)), current);
                }
                continue;
            }
            String[] fields = line.trim().split(",");
            if (block.equals("area") && fields.length == 2) {
                String province = fields[1].split("\\s+")[0];
                Provinces.normalize(province).ifPresent(p -> provinceByArea.put(fields[0], p));
            } else if (current != null) {
                if (fields.length == 2 && row < current.length) {
                    current[row] = provinceByArea.get(fields[0]);
                }
                row++;
            }
        }
        if (segments.isEmpty() || provinceByArea.isEmpty()) {
            throw new IllegalStateException(TABLE + " has no segments");
        }
    }

    /** The province short name ("广东") of an 11-digit mainland mobile number, empty when the segment is unknown. */
    public Optional<String> province(String phone) {
        if (phone == null || !phone.matches("1\\d{10}")) {
            return Optional.empty();
        }
        String[] bySuffix = segments.get(Integer.parseInt(phone.substring(0, 3)));
        return bySuffix == null ? Optional.empty()
                : Optional.ofNullable(bySuffix[Integer.parseInt(phone.substring(3, 7))]);
    }
}
