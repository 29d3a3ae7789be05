package com.echamado.platform.security;

import java.util.List;
import java.util.Optional;

/**
 * The proxies whose forwarded headers count ({@code ECHAMADO_TRUSTED_PROXIES}). The client of a request is the
 * right-most hop that is not one of them: everything to its left was written by the client and proves nothing.
 */
final class TrustedProxies {

    private final List<IpRange> ranges;

    TrustedProxies(List<String> cidrs) {
        this.ranges = cidrs.stream()
                .map(String::strip)
                .filter(cidr -> !cidr.isEmpty())
                .map(IpRange::parse)
                .toList();
    }

    boolean trusts(String address) {
        Optional<byte[]> bytes = IpRange.literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /**
     * The index into {@code hops} (left to right, as in {@code X-Forwarded-For}) of the client: the right-most
     * untrusted hop, or the left-most one when every hop is trusted. When the right-most untrusted hop is no IP
     * address ({@code unknown}, a name), the trusted hop to its right stands in (-1: the direct peer), so that a
     * made-up value never buys a fresh identity.
     */
    int clientHop(List<String> hops) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusts(hop)) {
                return IpRange.literal(hop).isPresent() ? i : i + 1 == hops.size() ? -1 : i + 1;
            }
        }
        return hops.isEmpty() ? -1 : 0;
    }
}
