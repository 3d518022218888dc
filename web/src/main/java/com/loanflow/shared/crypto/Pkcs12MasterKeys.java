package com.loanflow.shared.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** The embedded default's master key: an AES-256 secret-key entry in a PKCS#12 file. */
final class Pkcs12MasterKeys {

    private Pkcs12MasterKeys() {
    }

    static MasterKey open(CryptoProperties.Pkcs12 config, String label) {
        if (config.path() == null || config.path().isBlank()) {
            throw new IllegalStateException("loanflow.crypto.master-key.pkcs12.path is not set");
        }
        Path file = Path.of(config.path());
        char[] password = config.password() == null ? new char[0] : config.password().toCharArray();
        try {
            if (!Files.exists(file)) {
                if (!config.createIfMissing()) {
                    throw new IllegalStateException("Master keystore " + file.toAbsolutePath() + " does not exist");
                }
                create(file, password, label);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            if (!(store.getKey(label, password) instanceof SecretKey key)) {
                throw new IllegalStateException("No AES key '" + label + "' in " + file.toAbsolutePath());
            }
            return new MasterKey("pkcs12:" + label, key, null);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open master keystore " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file, char[] password, String label) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(password));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "master", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's ACL
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file);
    }
}
