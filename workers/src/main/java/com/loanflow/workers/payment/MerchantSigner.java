package com.loanflow.workers.payment;

import com.loanflow.workers.WorkersProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Signs payout requests as the merchant: base64(SHA256withRSA(body bytes)), checked by the channel. */
@Component
public class MerchantSigner {

    private final PrivateKey key;

    @Autowired
    public MerchantSigner(WorkersProperties properties) {
        this(privateKey(classpath(properties.channel().merchantPrivateKeyResource())));
    }

    public MerchantSigner(PrivateKey key) {
        this.key = key;
    }

    public String sign(byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 RSA private key in PEM form. */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END)[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Merchant key is not a PKCS#8 RSA private key", e);
        }
    }

    /** {@code file:/path} (the deployment's key) or a classpath resource (the sandbox key bundled for development). */
    public static String classpath(String resource) {
        if (resource.startsWith("file:")) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(resource.substring("file:".length())),
                        StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read merchant key file " + resource, e);
            }
        }
        try (InputStream in = MerchantSigner.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing key resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
