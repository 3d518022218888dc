package com.loanflow.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class EncryptedColumnTest {

    @Test
    void rotationCoversEveryEncryptedColumnOfTheSchema() throws Exception {
        Set<String> inSchema = new TreeSet<>();
        Pattern table = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
        Pattern encrypted = Pattern.compile("^\\s*(\\w+_enc)\\s", Pattern.MULTILINE);
        Pattern added = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+_enc)\\s");
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            String sql = migration.getContentAsString(StandardCharsets.UTF_8);
            Matcher a = added.matcher(sql);
            while (a.find()) {
                inSchema.add(a.group(1) + "." + a.group(2));
            }
            Matcher t = table.matcher(sql);
            while (t.find()) {
                Matcher c = encrypted.matcher(t.group(2));
                while (c.find()) {
                    inSchema.add(t.group(1) + "." + c.group(1));
                }
            }
        }
        Set<String> rotated = Arrays.stream(EncryptedColumn.values()).map(c -> c.table + "." + c.column)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inSchema).hasSize(12);
        assertThat(rotated).isEqualTo(inSchema);
    }
}
