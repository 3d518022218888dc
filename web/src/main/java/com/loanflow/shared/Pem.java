package com.loanflow.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys from PEM (PKCS#8 private, X.509 public) and SHA256withRSA signatures as base64. */
public final class Pem {

    private Pem() {
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(body(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an X.509 RSA public key", e);
        }
    }

    /**
     * A PEM file's text from a location: {@code file:/path} (a key provisioned for this deployment), or a classpath
     * resource, with or without {@code classpath:} (the sandbox keys bundled for the embedded default).
     */
    public static String load(String location) {
        if (location.startsWith("file:")) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(location.substring("file:".length())),
                        StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read key file " + location, e);
            }
        }
        return classpath(location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
    }

    /** The sandbox keys bundled in the application: public, so never for production traffic. */
    static final java.util.List<String> BUNDLED = java.util.List.of("sandbox/keys/channel-private.pem",
            "sandbox/keys/channel-public.pem", "sandbox/keys/merchant-private.pem", "sandbox/keys/merchant-public.pem");

    /**
     * True for a key bundled in the application: a classpath location, or a file holding the same key (a copy of a
     * sandbox key is as public as the original).
     */
    public static boolean isBundled(String location) {
        if (!location.startsWith("file:")) {
            return true;
        }
        String key;
        try {
            key = base64Body(load(location));
        } catch (RuntimeException unreadable) {
            return false; // the platform's own start fails on it, naming the file
        }
        return BUNDLED.stream().anyMatch(bundled -> base64Body(classpath(bundled)).equals(key));
    }

    private static String base64Body(String pem) {
        return pem.replaceAll("-----(BEGIN|END)[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    public static String classpath(String path) {
        try (InputStream in = Pem.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing key resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sign(PrivateKey key, byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] body, String base64Signature) {
        if (base64Signature == null || base64Signature.isBlank()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(body);
            return signature.verify(Base64.getDecoder().decode(base64Signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] body(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END)[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
