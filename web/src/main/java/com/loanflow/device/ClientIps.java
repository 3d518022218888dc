package com.loanflow.device;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client's IP address. X-Forwarded-For is believed only when the connection comes from a configured trusted
 * proxy ({@code loanflow.device.trusted-proxies}, exact addresses, none by default): anyone else can write that
 * header. The address is the right-most entry not itself a trusted proxy, as each proxy appends its peer.
 */
@Component
public class ClientIps {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientIps(@Value("${loanflow.device.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        // every X-Forwarded-For line, in order: a proxy that adds its own line instead of appending to the client's
        // would otherwise leave only the client's (forgeable) first line in view
        java.util.List<String> lines = java.util.Collections.list(request.getHeaders("X-Forwarded-For"));
        String forwarded = lines.isEmpty() ? null : String.join(",", lines);
        if (forwarded == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isIpLiteral(hop)) {
                return remote; // a garbled header is no evidence of anything: keep what the socket says
            }
            if (!trustedProxies.contains(hop) || i == 0) {
                return hop;
            }
        }
        return remote;
    }

    static boolean isIpLiteral(String value) {
        return IPV4.matcher(value).matches() || value.contains(":") && IPV6.matcher(value).matches();
    }
}
