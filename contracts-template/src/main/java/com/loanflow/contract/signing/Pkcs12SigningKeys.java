package com.loanflow.contract.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** The sandbox's signing keys: a PKCS#12 file holding the root CA and the platform seal, generated on first start. */
public final class Pkcs12SigningKeys implements SigningKeys {

    static final String ROOT_ALIAS = "root-ca";
    static final String SEAL_ALIAS = "platform-seal";
    public static final String ROOT_NAME = "Loanflow Sandbox Root CA";
    public static final String SEAL_NAME = "Loanflow Platform Seal";

    private final SigningCredential rootCa;
    private final SigningCredential platformSeal;

    private Pkcs12SigningKeys(SigningCredential rootCa, SigningCredential platformSeal) {
        this.rootCa = rootCa;
        this.platformSeal = platformSeal;
    }

    /** Loads the keystore at {@code path}, creating it (root valid 10 years, seal 3 years) if it does not exist. */
    public static Pkcs12SigningKeys openOrCreate(Path path, char[] password) {
        try {
            if (!Files.exists(path)) {
                create(path, password);
            }
            KeyStore store = Pkcs12Files.load(path, password);
            return new Pkcs12SigningKeys(Pkcs12Files.credential(store, ROOT_ALIAS, password, "e-signing"),
                    Pkcs12Files.credential(store, SEAL_ALIAS, password, "e-signing"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the e-signing keystore " + path, e);
        }
    }

    @Override
    public SigningCredential rootCa() {
        return rootCa;
    }

    @Override
    public SigningCredential platformSeal() {
        return platformSeal;
    }

    private static void create(Path path, char[] password) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        KeyPair rootKeys = CertificateIssuer.newKeyPair(3072);
        X509Certificate root = CertificateIssuer.selfSignedRoot(rootKeys, ROOT_NAME, now, now.plus(Duration.ofDays(3650)));
        SigningCredential rootCa = new SigningCredential(rootKeys.getPrivate(), new X509Certificate[] {root});
        KeyPair sealKeys = CertificateIssuer.newKeyPair(2048);
        X509Certificate seal = CertificateIssuer.issueSigner(rootCa, sealKeys.getPublic(),
                CertificateIssuer.name(SEAL_NAME), now, now.plus(Duration.ofDays(3 * 365)));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ROOT_ALIAS, rootKeys.getPrivate(), password, new Certificate[] {root});
        store.setKeyEntry(SEAL_ALIAS, sealKeys.getPrivate(), password, new Certificate[] {seal, root});
        Pkcs12Files.storeAtomically(store, path, password);
    }
}
