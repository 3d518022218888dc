package com.loanflow.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * IPv4 → region from the offline ip2region database shipped in {@code ip2region/ip2region.db} (format 1.x, see
 * {@code ip2region/NOTICE.md}): no network lookup ever. The whole file (~9 MB) is held in memory; a lookup is a
 * binary search over its 12-byte index blocks (start IP, end IP, data pointer), each pointing at
 * "city id (4 bytes) + 国家|区域|省份|城市|ISP" where "0" means unknown.
 */
@Component
public class IpRegions {

    static final String DATABASE = "/ip2region/ip2region.db";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final int INDEX_BLOCK = 12;

    private final ByteBuffer db;
    private final long firstIndex;
    private final long blocks;

    public IpRegions() {
        this(load());
    }

    IpRegions(byte[] database) {
        this.db = ByteBuffer.wrap(database).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
        this.firstIndex = Integer.toUnsignedLong(db.getInt(0));
        long lastIndex = Integer.toUnsignedLong(db.getInt(4));
        if (lastIndex < firstIndex || lastIndex + INDEX_BLOCK > database.length) {
            throw new IllegalStateException("ip2region database is corrupt");
        }
        this.blocks = (lastIndex - firstIndex) / INDEX_BLOCK + 1;
    }

    private static byte[] load() {
        try (InputStream in = IpRegions.class.getResourceAsStream(DATABASE)) {
            if (in == null) {
                throw new IllegalStateException(DATABASE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The region of a public IPv4 address; empty for private, loopback, link-local or IPv6 addresses (the shipped
     * database covers IPv4 only) and for addresses the database does not place in any country.
     */
    public Optional<IpRegion> lookup(String ip) {
        Long address = publicIpv4(ip);
        if (address == null) {
            return Optional.empty();
        }
        long low = 0;
        long high = blocks - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            int block = (int) (firstIndex + middle * INDEX_BLOCK);
            long start = Integer.toUnsignedLong(db.getInt(block));
            long end = Integer.toUnsignedLong(db.getInt(block + 4));
            if (address < start) {
                high = middle - 1;
            } else if (address > end) {
                low = middle + 1;
            } else {
                return parse(Integer.toUnsignedLong(db.getInt(block + 8)));
            }
        }
        return Optional.empty();
    }

    private Optional<IpRegion> parse(long pointer) {
        int length = (int) (pointer >>> 24);
        int offset = (int) (pointer & 0x00FF_FFFFL);
        byte[] text = new byte[length - 4];
        db.get(offset + 4, text);
        String[] fields = new String(text, StandardCharsets.UTF_8).split("\\|", -1);
        String country = known(fields, 0);
        if (country == null) {
            return Optional.empty();
        }
        return Optional.of(new IpRegion(country, known(fields, 2), known(fields, 3)));
    }

    private static String known(String[] fields, int i) {
        return i < fields.length && !fields[i].isBlank() && !"0".equals(fields[i]) && !"内网IP".equals(fields[i])
                ? fields[i] : null;
    }

    /** The address as an unsigned int, or null when it is not a public IPv4 literal (no DNS lookup is made). */
    static Long publicIpv4(String ip) {
        if (ip == null) {
            return null;
        }
        var matcher = IPV4.matcher(ip.trim());
        if (!matcher.matches()) {
            return null;
        }
        byte[] octets = new byte[4];
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(matcher.group(i + 1));
            if (octet > 255) {
                return null;
            }
            octets[i] = (byte) octet;
            value = (value << 8) | octet;
        }
        try {
            InetAddress address = InetAddress.getByAddress(octets);
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (octets[0] & 0xFF) == 100 && (octets[1] & 0xC0) == 64) { // 100.64/10 carrier-grade NAT
                return null;
            }
        } catch (UnknownHostException impossible) {
            return null;
        }
        return value;
    }
}
