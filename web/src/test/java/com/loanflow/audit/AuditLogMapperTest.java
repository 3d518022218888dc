package com.loanflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditLogMapperTest {

    @Test
    void theAuditMapperCanOnlyAppendAndRead() throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/mapper/audit/AuditLogMapper.xml")) {
            assertThat(in).isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        }
        assertThat(xml).doesNotContain("<update").doesNotContain("<delete");
        assertThat(Pattern.compile("\\b(UPDATE|DELETE|TRUNCATE|REPLACE)\\b", Pattern.CASE_INSENSITIVE)
                .matcher(xml.replace("FOR UPDATE", "")).find()).isFalse();
        assertThat(xml).contains("<insert");
    }
}
