package com.loanflow.risk.model;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A labelled data file, plain {@code .csv} or gzip (recognised by its magic bytes, not its name), read by header
 * name: each row comes back as the wanted columns in the wanted order, whatever order the file has them in.
 */
final class CsvFile {

    private CsvFile() {
    }

    /**
     * @param wanted column names to return, in this order
     * @throws IOException when the file is empty, lacks a wanted column or a row is too short
     */
    static List<String[]> read(Path file, List<String> wanted) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
            return read(in, file.toString(), wanted);
        }
    }

    private static List<String[]> read(InputStream csv, String name, List<String> wanted) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = in.readLine();
        if (header == null) {
            throw new IOException(name + " is empty");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = Arrays.stream(header.split(",", -1)).map(h -> h.replace("\"", "").trim()).toList();
        int[] columnOf = new int[wanted.size()];
        for (int k = 0; k < wanted.size(); k++) {
            columnOf[k] = names.indexOf(wanted.get(k));
            if (columnOf[k] < 0) {
                throw new IOException(name + " has no column " + wanted.get(k) + " (header: " + header + ")");
            }
        }
        List<String[]> rows = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String[] row = new String[wanted.size()];
            for (int k = 0; k < wanted.size(); k++) {
                if (columnOf[k] >= cells.length) {
                    throw new IOException(name + " line " + lineNumber + ": too few columns");
                }
                row[k] = cells[columnOf[k]].replace("\"", "").trim();
            }
            rows.add(row);
        }
        return rows;
    }
}
