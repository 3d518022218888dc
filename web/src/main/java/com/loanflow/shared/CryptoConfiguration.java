package com.loanflow.shared;

import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CryptoConfiguration.CryptoProperties.class)
class CryptoConfiguration {

    /** Keys come from the environment in production; the embedded default ships development keys. */
    @ConfigurationProperties("loanflow.crypto")
    record CryptoProperties(String dataKey, String dataKeyVersion, String indexKey) {
    }

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties) {
        byte[] key = Base64.getDecoder().decode(properties.dataKey());
        return new AesGcmFieldCipher(new SecretKeySpec(key, "AES"), properties.dataKeyVersion());
    }

    @Bean
    BlindIndex blindIndex(CryptoProperties properties) {
        return new BlindIndex(Base64.getDecoder().decode(properties.indexKey()));
    }
}
