package com.echamado.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may point (server-side request forgery guard): http or https, and a host that resolves only to
 * public addresses — not loopback, link-local (169.254.0.0/16 holds the clouds' metadata services), private,
 * carrier-grade NAT, unique-local, multicast or unspecified. Checked when a webhook is registered and again before
 * every attempt, since DNS answers change. Hosts named in {@code echamado.notifications.webhooks.allowed-hosts}
 * ({@code *.example} allows subdomains) skip the address check, for internal receivers an operator wants. A name
 * that does not resolve is not refused here: the attempt fails like any unreachable receiver and is retried.
 */
@Component
class WebhookTargets {

    private final Set<String> allowedHosts;

    @Autowired
    WebhookTargets(NotificationsProperties properties) {
        this(properties.webhooks().allowedHosts());
    }

    WebhookTargets(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts == null
                ? Set.of()
                : allowedHosts.stream()
                        .map(WebhookTargets::normalized)
                        .filter(host -> !host.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the URL must not be called, or empty when it may. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Only http and https URLs are allowed");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("The URL has no host");
        }
        String host = normalized(url.getHost());
        if (allowed(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
        return Arrays.stream(addresses)
                .map(WebhookTargets::internalKind)
                .flatMap(Optional::stream)
                .findFirst()
                .map(kind -> "The host " + host + " resolves to " + kind
                        + "; webhooks may only call public addresses"
                        + " (operators can allow internal hosts with ECHAMADO_WEBHOOK_ALLOWED_HOSTS)");
    }

    private boolean allowed(String host) {
        return allowedHosts.contains(host)
                || allowedHosts.stream().anyMatch(entry -> entry.startsWith("*.") && host.endsWith(entry.substring(1)));
    }

    /** What kind of non-public address this is, or empty for a public one. */
    static Optional<String> internalKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("an unspecified address");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("a private address (carrier-grade NAT)");
            }
            if (first >= 240) {
                return Optional.of("a reserved or broadcast address");
            }
            return Optional.empty();
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address");
        }
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress() || nat64(b)) {
            return internalKind(embeddedIpv4(b));
        }
        return Optional.empty();
    }

    /** 64:ff9b::/96, the NAT64 prefix that carries an IPv4 address in its last four bytes. */
    private static boolean nat64(byte[] b) {
        if (b.length != 16 || b[0] != 0 || b[1] != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress embeddedIpv4(byte[] b) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String normalized(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
