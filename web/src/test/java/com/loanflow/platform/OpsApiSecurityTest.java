package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The operator an /ops request is attributed to is the id the identity service stores, not the login as typed: with
 * a provider that matches ids case-insensitively (LDAP), "OPS1" must not pass a four-eyes check against "ops1".
 */
class OpsApiSecurityTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

    /** An ops account that logs in as {@code typed} with password "secret" and is stored as {@code storedId}. */
    private void opsAccount(String typed, String storedId) {
        when(identity.checkPassword(typed, "secret")).thenReturn(true);
        User stored = mock(User.class);
        when(stored.getId()).thenReturn(storedId);
        when(identity.createUserQuery().userId(typed).singleResult()).thenReturn(stored);
        Group ops = mock(Group.class);
        when(ops.getId()).thenReturn("ops");
        when(identity.createGroupQuery().groupMember(storedId).list()).thenReturn(List.of(ops));
    }

    @Test
    void theStoredUserIdIsTheOperatorWhateverSpellingLoggedIn() throws Exception {
        opsAccount("OPS1", "ops1");

        MockHttpServletRequest request = request("OPS1:secret");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter().doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).as("passed on").isNotNull();
        assertThat(OpsApiSecurity.operator(request)).isEqualTo("ops1");
    }

    @Test
    void aLoginTheUserQueryCannotFindIsRefused() throws Exception {
        when(identity.checkPassword("ghost", "secret")).thenReturn(true);
        when(identity.createUserQuery().userId("ghost").singleResult()).thenReturn(null);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = new MockFilterChain();

        filter().doFilter(request("ghost:secret"), response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(((MockFilterChain) chain).getRequest()).as("not passed on").isNull();
    }

    @Test
    void aChangeSentFromAnotherSitesPageIsRefusedBeforeTheCredentialsAreLookedAt() throws Exception {
        opsAccount("ops2", "ops2");

        // a form another site posts with the operator's cached credentials: refused whatever the browser says
        for (String[] header : new String[][] {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", "https://attacker.example"}, {"Origin", "null"}, {"Origin", "http://ops.bank.cn:8443"}}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = postFromABrowser(header, chain);
            assertThat(response.getStatus()).as("%s: %s", header[0], header[1]).isEqualTo(403);
            assertThat(response.getContentAsString()).contains("CROSS_SITE_REQUEST");
            assertThat(chain.getRequest()).as("not passed on").isNull();
        }
        // our own page, a typed URL, curl (no header at all) and a cross-site GET go through
        for (String[] header : new String[][] {{"Sec-Fetch-Site", "same-origin"}, {"Sec-Fetch-Site", "none"},
                {"Origin", "https://ops.bank.cn"}, {"X-Nothing", "1"}}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = postFromABrowser(header, chain);
            assertThat(response.getStatus()).as("%s: %s", header[0], header[1]).isEqualTo(200);
            assertThat(chain.getRequest()).isNotNull();
        }
        MockHttpServletRequest read = request("ops2:secret");
        read.setMethod("GET");
        read.addHeader("Sec-Fetch-Site", "cross-site");
        MockFilterChain chain = new MockFilterChain();
        filter().doFilter(read, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }

    /** ops2's approval POST to ops.bank.cn with one header a browser (or not) adds. */
    private MockHttpServletResponse postFromABrowser(String[] header, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = request("ops2:secret");
        request.addHeader("Host", "ops.bank.cn");
        request.addHeader(header[0], header[1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter().doFilter(request, response, chain);
        return response;
    }

    private jakarta.servlet.Filter filter() {
        return new OpsApiSecurity().opsApiAuthentication(identity).getFilter();
    }

    private static MockHttpServletRequest request(String credentials) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ops/v1/refunds/r-1/approval");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                credentials.getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
