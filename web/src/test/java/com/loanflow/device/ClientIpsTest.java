package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** X-Forwarded-For is believed only from a configured proxy; otherwise the socket's address is the client's. */
class ClientIpsTest {

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void aProxyAddingItsOwnHeaderLineIsReadAfterTheClientsLine() {
        ClientIps ips = new ClientIps("10.0.0.5");
        MockHttpServletRequest request = request("10.0.0.5", "1.2.3.4");   // the client's forged line
        request.addHeader("X-Forwarded-For", "202.96.134.133");             // the proxy's own line
        assertThat(ips.of(request)).isEqualTo("202.96.134.133");
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientIps ips = new ClientIps("");
        assertThat(ips.of(request("61.135.169.121", "202.96.134.133"))).isEqualTo("61.135.169.121");
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        ClientIps ips = new ClientIps("10.0.0.5");
        assertThat(ips.of(request("61.135.169.121", "202.96.134.133"))).isEqualTo("61.135.169.121");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientIps ips = new ClientIps("10.0.0.5, 10.0.0.6");
        // the client forged the first entry; the proxies appended what they saw
        assertThat(ips.of(request("10.0.0.5", "1.1.1.1, 202.96.134.133, 10.0.0.6"))).isEqualTo("202.96.134.133");
        assertThat(ips.of(request("10.0.0.5", "202.96.134.133"))).isEqualTo("202.96.134.133");
        assertThat(ips.of(request("10.0.0.5", "2400:3200::1"))).isEqualTo("2400:3200::1");
    }

    @Test
    void aGarbledHeaderFallsBackToThePeer() {
        ClientIps ips = new ClientIps("10.0.0.5");
        assertThat(ips.of(request("10.0.0.5", "evil.example, <script>"))).isEqualTo("10.0.0.5");
        assertThat(ips.of(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
    }
}
