package com.loanflow.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import com.loanflow.contract.template.ContractRenderer;
import com.loanflow.contract.template.SampleContracts;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/** The sandbox TSA answers RFC 3161 requests as a real one does, and the platform seal carries its token. */
class TimestampAuthorityTest {

    /** A fixed clock, after the TSA certificate's start (it is issued when the keystore is first created). */
    static final Instant NOW = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final TimestampAuthority TSA = TimestampAuthority.openOrCreate(Path.of("target", "test-keys", "tsa.p12"),
            "test-password".toCharArray(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void grantsATokenOverTheImprintSignedByATimeStampingUnit() throws Exception {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest("contract bytes".getBytes());
        TimeStampRequest request = request(NISTObjectIdentifiers.id_sha256.getId(), imprint, BigInteger.valueOf(42));

        TimeStampResponse response = new TimeStampResponse(TSA.respond(request.getEncoded()));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(request); // imprint, nonce and certificate identifiers match the request
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate unit = TSA.chain()[0];
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(unit));
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(NOW);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(42));
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(TimestampAuthority.SANDBOX_POLICY);
        assertThat(unit.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8"); // id-kp-timeStamping
        assertThat(unit.getCriticalExtensionOIDs()).contains("2.5.29.37");
        unit.verify(TSA.chain()[1].getPublicKey());
        assertThat(unit.getSubjectX500Principal().getName()).contains(TimestampAuthority.UNIT_NAME);
    }

    @Test
    void rejectsAnUnacceptedHashAndRefusesBytesThatAreNoRequest() throws Exception {
        TimeStampRequest md5 = request("1.2.840.113549.2.5", new byte[16], BigInteger.ONE);
        TimeStampResponse rejected = new TimeStampResponse(TSA.respond(md5.getEncoded()));
        assertThat(rejected.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(rejected.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
        assertThat(rejected.getTimeStampToken()).isNull();

        assertThatThrownBy(() -> TSA.respond("not DER".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlatformSealIsTimeStampedAndTheBorrowerSignatureIsNot() throws Exception {
        DirectTsaClient client = new DirectTsaClient(TSA);
        byte[] pdf = ContractRenderer.loadDefault().render(SampleContracts.sixMonthLoan());
        byte[] signed = new ContractSigner(SignedContracts.keys(), Clock.systemUTC(), client)
                .sign(pdf, "张*", SignedContracts.BORROWER_ID).pdf();
        SignedContracts.write(signed, "sample-contract-timestamped.pdf");

        assertThat(client.requests).isEqualTo(1);
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
            SignatureUtil signatures = new SignatureUtil(document);
            PdfPKCS7 seal = signatures.readSignatureData(ContractSigner.SEAL_FIELD);
            assertThat(seal.verifySignatureIntegrityAndAuthenticity()).isTrue();
            assertThat(seal.verifyTimestampImprint()).as("the token covers this signature value").isTrue();
            assertThat(seal.getTimeStampDate().toInstant()).isEqualTo(NOW);
            PdfPKCS7 borrower = signatures.readSignatureData(ContractSigner.BORROWER_FIELD);
            assertThat(borrower.getTimeStampTokenInfo()).isNull();
        }
    }

    @Test
    void theHttpClientGetsATokenFromATsaOverHttp() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] answer = TSA.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            HttpTsaClient client = new HttpTsaClient("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa",
                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10));
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest("the seal's signature".getBytes());
            TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(
                    client.getTimeStampToken(imprint)));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTsaThatAcceptsTheConnectionAndNeverAnswersFailsTheSigningInsteadOfHoldingIt() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    java.net.Socket held = silent.accept(); // reads nothing, answers nothing
                    Thread.sleep(60_000);
                    held.close();
                } catch (Exception ignored) {
                    // closed with the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpTsaClient client = new HttpTsaClient("http://127.0.0.1:" + silent.getLocalPort() + "/tsa",
                    java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2));
            byte[] pdf = ContractRenderer.loadDefault().render(SampleContracts.sixMonthLoan());
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                    assertThatThrownBy(() -> new ContractSigner(SignedContracts.keys(), Clock.systemUTC(), client)
                            .sign(pdf, "张*", SignedContracts.BORROWER_ID))
                            .hasStackTraceContaining("timed out"));
            acceptor.interrupt();
        }
    }

    private static TimeStampRequest request(String algorithm, byte[] imprint, BigInteger nonce) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(new org.bouncycastle.asn1.ASN1ObjectIdentifier(algorithm), imprint, nonce);
    }
}
