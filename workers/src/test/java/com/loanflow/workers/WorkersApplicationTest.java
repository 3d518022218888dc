package com.loanflow.workers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The standalone workers refuse the keys bundled in the jar unless told they serve a development platform. */
class WorkersApplicationTest {

    @Test
    void refusesTheSandboxMerchantKeyAndTheDevelopmentCacheKey() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("loanflow.channel.merchant-private-key-resource", "sandbox/keys/merchant-private.pem");
        assertThat(WorkersApplication.developmentKeys(env)).hasSize(2);

        env.setProperty("loanflow.workers.development-keys", "true");
        assertThat(WorkersApplication.developmentKeys(env)).as("against a development platform").isEmpty();
    }

    @Test
    void aFileCopyOfTheSandboxMerchantKeyIsRefusedToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path copy = dir.resolve("merchant-private.pem");
        java.nio.file.Files.writeString(copy,
                com.loanflow.workers.payment.MerchantSigner.classpath("sandbox/keys/merchant-private.pem"));
        MockEnvironment env = new MockEnvironment();
        env.setProperty("loanflow.channel.merchant-private-key-resource", "file:" + copy);
        env.setProperty("loanflow.workers.bureau-cache.key", "c2VjcmV0LWNhY2hlLWtleS1vZi10aGlzLWRlcGxveW1lbnQ=");
        assertThat(WorkersApplication.developmentKeys(env)).singleElement().asString().contains("merchant");
    }

    @Test
    void startsWithThisDeploymentsKeys() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("loanflow.channel.merchant-private-key-resource", "file:/app/keys/merchant-private.pem");
        env.setProperty("loanflow.workers.bureau-cache.key", "c2VjcmV0LWNhY2hlLWtleS1vZi10aGlzLWRlcGxveW1lbnQ=");
        assertThat(WorkersApplication.developmentKeys(env)).isEmpty();

        env.setProperty("loanflow.workers.bureau-cache.key", WorkersProperties.BureauCache.DEV_CACHE_KEY);
        assertThat(WorkersApplication.developmentKeys(env)).singleElement().asString().contains("LOANFLOW_BUREAU_CACHE_KEY");
    }
}
