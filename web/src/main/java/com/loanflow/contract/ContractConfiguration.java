package com.loanflow.contract;

import com.itextpdf.signatures.ITSAClient;
import com.loanflow.contract.signing.ContractSigner;
import com.loanflow.contract.signing.Pkcs12SigningKeys;
import com.loanflow.contract.signing.SigningKeys;
import com.loanflow.contract.template.ContractRenderer;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ContractConfiguration {

    @Bean
    ContractRenderer contractRenderer() {
        return ContractRenderer.loadDefault();
    }

    /** Sandbox default: a PKCS#12 file created on first start. An HSM-backed SigningKeys bean would replace it. */
    @Bean
    SigningKeys contractSigningKeys(@Value("${loanflow.esign.keystore:./var/keys/esign.p12}") Path keystore,
                                    @Value("${loanflow.esign.keystore-password:loanflow-sandbox}") String password) {
        return Pkcs12SigningKeys.openOrCreate(keystore, password.toCharArray());
    }

    /**
     * The platform seal is time-stamped by the RFC 3161 TSA at {@code loanflow.esign.timestamp-url} (PAdES baseline-T):
     * the sandbox TSA by default, an accredited TSA in production; empty for none (baseline-B).
     */
    @Bean
    ContractSigner contractSigner(SigningKeys contractSigningKeys, Clock clock,
                                  @Value("${loanflow.esign.timestamp-url:}") String timestampUrl,
                                  @Value("${loanflow.esign.timestamp-connect-timeout:PT5S}") java.time.Duration connect,
                                  @Value("${loanflow.esign.timestamp-timeout:PT10S}") java.time.Duration answer) {
        // a silent TSA must fail the signing, not hold the application's row lock (HttpTsaClient)
        ITSAClient timestamps = timestampUrl.isBlank() ? null
                : new com.loanflow.contract.signing.HttpTsaClient(timestampUrl, connect, answer);
        return new ContractSigner(contractSigningKeys, clock, timestamps);
    }
}
