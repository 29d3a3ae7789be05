package com.echamado.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One CIDR range ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is a single host). Addresses are parsed as
 * literals only: a host name never triggers a DNS lookup, it simply is no address.
 */
record IpRange(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    static IpRange parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        byte[] address = literal(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + cidr));
        int prefix = parts.length == 1 ? address.length * 8 : Integer.parseInt(parts[1]);
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix out of range: " + cidr);
        }
        return new IpRange(address, prefix);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit += 8) {
            int bits = Math.min(8, prefix - bit);
            int mask = (0xFF << (8 - bits)) & 0xFF;
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 as IPv4), or empty for anything else. */
    static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (text.indexOf(':') < 0 || !text.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?")) {
            return Optional.empty();
        }
        try {
            // with a colon, InetAddress parses an IPv6 literal and never resolves a name
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException invalid) {
            return Optional.empty();
        }
    }
}
