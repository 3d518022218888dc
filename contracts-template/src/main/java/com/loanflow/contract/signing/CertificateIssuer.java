package com.loanflow.contract.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds X.509 certificates for the internal CA (BouncyCastle); SHA-256 with RSA throughout. */
final class CertificateIssuer {

    static final int SIGNER_KEY_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    static KeyPair newKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Loanflow")
                .addRDN(BCStyle.CN, commonName).build();
    }

    static X509Certificate selfSignedRoot(KeyPair keys, String commonName, Instant from, Instant until) {
        X500Name subject = name(commonName);
        return build(subject, keys.getPublic(), subject, keys.getPrivate(), null, from, until, true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null);
    }

    /** A signer certificate (digitalSignature + nonRepudiation) certified by {@code issuer}. */
    static X509Certificate issueSigner(SigningCredential issuer, PublicKey subjectKey, X500Name subject, Instant from,
                                       Instant until) {
        return build(subject, subjectKey, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.key(), issuer.certificate(), from, until, false, SIGNER_KEY_USAGE, null);
    }

    /** A time-stamping unit's certificate: RFC 3161 requires the one extended key usage timeStamping, critical. */
    static X509Certificate issueTimestamping(SigningCredential issuer, PublicKey subjectKey, X500Name subject,
                                             Instant from, Instant until) {
        return build(subject, subjectKey, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.key(), issuer.certificate(), from, until, false, SIGNER_KEY_USAGE,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuerName,
                                         PrivateKey issuerKey, X509Certificate issuerCertificate, Instant from,
                                         Instant until, boolean ca, int keyUsage, ExtendedKeyUsage extendedKeyUsage) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(from), Date.from(until), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                            ? extensions.createAuthorityKeyIdentifier(subjectKey)
                            : extensions.createAuthorityKeyIdentifier(issuerCertificate));
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, extendedKeyUsage);
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("Cannot issue certificate for " + subject, e);
        }
    }
}
