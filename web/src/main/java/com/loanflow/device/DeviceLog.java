package com.loanflow.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Records what the borrower API saw of a borrower's device and network. The raw device id and IP never reach the
 * table: both become keyed blind indexes (the blacklist uses the same device index), the IP also its coarse
 * ip2region region and a /24 (IPv4) or /48 (IPv6) prefix.
 */
@Component
public class DeviceLog {

    /** Blind-index domain of device ids: the index is the device reference the signals and the blacklist use. */
    public static final String DEVICE_ID_DOMAIN = "device-id";
    static final String CLIENT_IP_DOMAIN = "client-ip";

    private final DeviceEventMapper mapper;
    private final BlindIndex blindIndex;
    private final IpRegions ipRegions;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    DeviceLog(DeviceEventMapper mapper, BlindIndex blindIndex, IpRegions ipRegions, Clock clock) {
        this.mapper = mapper;
        this.blindIndex = blindIndex;
        this.ipRegions = ipRegions;
        this.clock = clock;
    }

    /**
     * Records the submission of an application, once: a replay of the same submission (same Idempotency-Key)
     * keeps the first row. Call it in the submission's transaction so the row exists exactly when the application does.
     */
    public void recordSubmission(String applicationId, String borrowerId, ClientDevice device, String clientIp) {
        if (mapper.findSubmission(applicationId).isPresent()) {
            return;
        }
        try {
            mapper.insert(event(DeviceEvent.APPLICATION_SUBMITTED, borrowerId, applicationId, device, clientIp));
        } catch (DuplicateKeyException concurrentReplay) {
            // the concurrent replay recorded the same submission
        }
    }

    /** Records a successful login (the device, when the client sent one, and the network it came from). */
    public void recordLogin(String borrowerId, ClientDevice device, String clientIp) {
        mapper.insert(event(DeviceEvent.LOGIN, borrowerId, null, device, clientIp));
    }

    /** The device reference (keyed blind index of the id): what {@link FraudSignals.Snapshot#deviceId()} holds. */
    public String deviceIndex(String deviceId) {
        return blindIndex.of(DEVICE_ID_DOMAIN, deviceId);
    }

    private DeviceEvent event(String type, String borrowerId, String applicationId, ClientDevice device,
                              String clientIp) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (device != null) {
            attributes.put("platform", device.platform());
            if (device.appVersion() != null) {
                attributes.put("appVersion", device.appVersion());
            }
            attributes.put("maskedDeviceId", Masking.bankCard(device.deviceId()));
        }
        String ipRegion = null;
        if (clientIp != null) {
            attributes.put("ipPrefix", ipPrefix(clientIp));
            ipRegion = ipRegions.lookup(clientIp).map(IpRegion::label).orElse(null);
        }
        return new DeviceEvent(Ids.newId(), type, borrowerId, applicationId,
                device == null ? null : deviceIndex(device.deviceId()),
                clientIdentifying(clientIp) ? blindIndex.of(CLIENT_IP_DOMAIN, clientIp) : null, truncate(ipRegion),
                toJson(attributes), LocalDateTime.now(clock));
    }

    /**
     * A loopback or private address is our own proxy or a test client, not the borrower's network: counting
     * applications "from" it would flag everyone behind it, so it gets no IP index.
     */
    static boolean clientIdentifying(String ip) {
        if (ip == null) {
            return false;
        }
        if (!ip.contains(":")) {
            return IpRegions.publicIpv4(ip) != null;
        }
        try {
            InetAddress address = InetAddress.getByName(ip); // an IPv6 literal: parsed, never resolved
            boolean uniqueLocal = (address.getAddress()[0] & 0xFE) == 0xFC;
            return !(address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                    || address.isAnyLocalAddress() || uniqueLocal);
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** 203.0.113.7 → 203.0.113.0/24, 2001:db8:1:2::7 → 2001:db8:1::/48: the network, not the subscriber. */
    static String ipPrefix(String ip) {
        if (ip.contains(":")) {
            String[] groups = ip.split(":", -1);
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 3 && i < groups.length && !groups[i].isEmpty(); i++) {
                prefix.append(groups[i]).append(':');
            }
            return prefix + ":/48";
        }
        int lastDot = ip.lastIndexOf('.');
        return lastDot < 0 ? "unknown" : ip.substring(0, lastDot) + ".0/24";
    }

    private static String truncate(String region) {
        return region == null || region.length() <= 64 ? region : region.substring(0, 64);
    }

    private String toJson(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
