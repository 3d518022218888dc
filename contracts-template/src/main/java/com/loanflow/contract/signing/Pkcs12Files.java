package com.loanflow.contract.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/** The PKCS#12 files of the sandbox's signing parties (platform keys, TSA): read, and written all or nothing. */
final class Pkcs12Files {

    private Pkcs12Files() {
    }

    static KeyStore load(Path path, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    /** Writes then moves, so a crash never leaves half a keystore that the next start would trust. */
    static void storeAtomically(KeyStore store, Path path, char[] password) throws IOException, GeneralSecurityException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
    }

    static SigningCredential credential(KeyStore store, String alias, char[] password, String what)
            throws GeneralSecurityException {
        if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
            throw new IllegalStateException("The " + what + " keystore has no key '" + alias + "'");
        }
        Certificate[] chain = store.getCertificateChain(alias);
        return new SigningCredential(key, Arrays.copyOf(chain, chain.length, X509Certificate[].class));
    }
}
