package com.loanflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SQL injection stays impossible by construction: every MyBatis mapper binds parameters with #{}, never ${}. */
class MapperParametersTest {

    private static final Path MAPPERS = Path.of("src/main/resources/mapper");

    @Test
    void everyMapperUsesBoundParametersOnly() throws IOException {
        List<Path> mappers;
        try (Stream<Path> files = Files.walk(MAPPERS)) {
            mappers = files.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertThat(mappers).as("mapper files found").hasSizeGreaterThan(5);
        for (Path mapper : mappers) {
            String xml = Files.readString(mapper);
            assertThat(xml).as(mapper + " must not use ${} substitution").doesNotContain("${");
            assertThat(xml).as(mapper + " binds with #{}").containsPattern("#\\{\\w+");
        }
    }
}
