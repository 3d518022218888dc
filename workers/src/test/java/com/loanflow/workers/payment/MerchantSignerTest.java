package com.loanflow.workers.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MerchantSignerTest {

    static final PrivateKey KEY = MerchantSigner.privateKey(
            MerchantSigner.classpath("sandbox/keys/merchant-private.pem"));

    /** What the channel holds: the public half of the merchant key. */
    static PublicKey publicKey() throws Exception {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) KEY;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    static boolean verifies(byte[] body, String signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey());
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void signatureOverTheExactBodyVerifiesWithTheMerchantPublicKey() throws Exception {
        byte[] body = ChannelClient.body(new ChannelClient.PayoutRequest("loanflow-sandbox-merchant", "req-1",
                "1000.00", "CNY", "6222020000000007", "http://platform/api/v1/payment-callbacks/sandbox",
                "2026-11-25T00:00:00Z"));
        String signature = new MerchantSigner(KEY).sign(body);

        assertThat(verifies(body, signature)).isTrue();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("1000.00", "9000.00")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifies(tampered, signature)).isFalse();
    }

    @Test
    void bodyHasTheContractFieldsInOrder() {
        byte[] body = ChannelClient.body(new ChannelClient.PayoutRequest("m", "r", "1.00", "CNY", "c", "n", "t"));
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                "{\"merchantId\":\"m\",\"requestId\":\"r\",\"amount\":\"1.00\",\"currency\":\"CNY\","
                        + "\"cardNumber\":\"c\",\"notifyUrl\":\"n\",\"timestamp\":\"t\"}");
    }
}
