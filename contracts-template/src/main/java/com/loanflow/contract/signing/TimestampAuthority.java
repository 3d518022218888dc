package com.loanflow.contract.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority: the sandbox TSA behind {@code POST /sandbox/tsa/v1/timestamp}, as a real TSA
 * answers over HTTP. It has its own root CA and a time-stamping unit certificate (extended key usage timeStamping,
 * critical), kept in a PKCS#12 file created on first use; tokens are SHA-256 with RSA, ESSCertIDv2, accuracy one
 * second, genTime from the clock, under the sandbox policy {@link #SANDBOX_POLICY}; imprints must be SHA-2. A production deployment points
 * the signer at an accredited TSA's URL instead.
 */
public final class TimestampAuthority {

    /** A policy identifier under a private arc, for sandbox tokens only (no real-world policy is claimed). */
    public static final ASN1ObjectIdentifier SANDBOX_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.61234.1.1");
    static final String ROOT_ALIAS = "tsa-root";
    static final String UNIT_ALIAS = "tsa-unit";
    public static final String ROOT_NAME = "Loanflow Sandbox TSA Root";
    public static final String UNIT_NAME = "Loanflow Sandbox TSA";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** SHA-2 only: an MD5 or SHA-1 imprint is answered "rejection, badAlg" (BouncyCastle's default allows both). */
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_HASHES =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

    private final SigningCredential unit;
    private final Clock clock;

    private TimestampAuthority(SigningCredential unit, Clock clock) {
        this.unit = unit;
        this.clock = clock;
    }

    public static TimestampAuthority openOrCreate(Path keystore, char[] password, Clock clock) {
        try {
            if (!Files.exists(keystore)) {
                create(keystore, password);
            }
            KeyStore store = Pkcs12Files.load(keystore, password);
            return new TimestampAuthority(Pkcs12Files.credential(store, UNIT_ALIAS, password, "TSA"), clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the TSA keystore " + keystore, e);
        }
    }

    /** The time-stamping unit's certificate, then its root. */
    public X509Certificate[] chain() {
        return unit.chain().clone();
    }

    /**
     * Answers one DER-encoded TimeStampReq with a DER TimeStampResp: granted with a token over the request's
     * message imprint (and nonce), or rejected (e.g. an unsupported hash algorithm) with the RFC's failure info.
     *
     * @throws IllegalArgumentException when the bytes are not a TimeStampReq at all
     */
    public byte[] respond(byte[] request) {
        TimeStampRequest parsed;
        try {
            parsed = new TimeStampRequest(request);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an RFC 3161 time-stamp request", e);
        }
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", unit.key(), unit.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    SANDBOX_POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(unit.chain())));
            tokens.setAccuracySeconds(1);
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, ACCEPTED_HASHES);
            TimeStampResponse response = responses.generate(parsed, new BigInteger(63, RANDOM),
                    Date.from(clock.instant()));
            return response.getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException | TSPException | IOException e) {
            throw new IllegalStateException("The sandbox TSA could not answer", e);
        }
    }

    private static void create(Path path, char[] password) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        KeyPair rootKeys = CertificateIssuer.newKeyPair(3072);
        X509Certificate root = CertificateIssuer.selfSignedRoot(rootKeys, ROOT_NAME, now, now.plus(Duration.ofDays(3650)));
        KeyPair unitKeys = CertificateIssuer.newKeyPair(2048);
        X509Certificate unit = CertificateIssuer.issueTimestamping(
                new SigningCredential(rootKeys.getPrivate(), new X509Certificate[] {root}), unitKeys.getPublic(),
                CertificateIssuer.name(UNIT_NAME), now, now.plus(Duration.ofDays(5 * 365)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ROOT_ALIAS, rootKeys.getPrivate(), password, new Certificate[] {root});
        store.setKeyEntry(UNIT_ALIAS, unitKeys.getPrivate(), password, new Certificate[] {unit, root});
        Pkcs12Files.storeAtomically(store, path, password);
    }
}
