package com.loanflow.risk.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds shared/data/gmsc-dev.csv.gz: -Dloanflow.data.dir, else shared/ beside any parent folder of the build. */
final class GmscFile {

    private GmscFile() {
    }

    static Path locate() {
        String configured = System.getProperty("loanflow.data.dir");
        if (configured != null) {
            Path file = Path.of(configured, "gmsc-dev.csv.gz");
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/gmsc-dev.csv.gz");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
