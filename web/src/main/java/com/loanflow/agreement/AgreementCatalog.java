package com.loanflow.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The current version of each agreement, read once from classpath:agreements/TYPE-VERSION.md. */
@Component
public class AgreementCatalog {

    static final String CURRENT_VERSION = "1.0";

    private final Map<AgreementType, Agreement> current = new EnumMap<>(AgreementType.class);

    public AgreementCatalog() {
        for (AgreementType type : AgreementType.values()) {
            String text = read("agreements/" + type + "-" + CURRENT_VERSION + ".md");
            current.put(type, new Agreement(type, CURRENT_VERSION, text, sha256(text)));
        }
    }

    public List<Agreement> current() {
        return List.copyOf(current.values());
    }

    public Optional<Agreement> find(AgreementType type, String version) {
        Agreement agreement = current.get(type);
        return agreement != null && agreement.version().equals(version) ? Optional.of(agreement) : Optional.empty();
    }

    private static String read(String path) {
        try (InputStream in = AgreementCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing agreement " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
