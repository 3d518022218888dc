package com.loanflow.contract.signing;

import com.itextpdf.signatures.ITSAClient;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * The client half of RFC 3161 without HTTP, for tests: builds a request (SHA-256 imprint, nonce, certificates wanted),
 * hands its DER to a {@link TimestampAuthority} and checks the answer against the request, as iText's HTTP client does.
 */
final class DirectTsaClient implements ITSAClient {

    private final TimestampAuthority authority;
    private final SecureRandom random = new SecureRandom();
    int requests;

    DirectTsaClient(TimestampAuthority authority) {
        this.authority = authority;
    }

    @Override
    public int getTokenSizeEstimate() {
        return 8192;
    }

    @Override
    public MessageDigest getMessageDigest() throws java.security.GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256");
    }

    @Override
    public byte[] getTimeStampToken(byte[] imprint) throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint,
                new BigInteger(64, random));
        TimeStampResponse response = new TimeStampResponse(authority.respond(request.getEncoded()));
        response.validate(request);
        requests++;
        return response.getTimeStampToken().getEncoded();
    }
}
