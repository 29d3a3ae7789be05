package com.echamado.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A request as the trusted proxies saw it: client address, scheme, host and port from {@code X-Forwarded-*} (or,
 * without {@code X-Forwarded-For}, from {@code Forwarded}) when the peer is a trusted proxy, and the connection's own
 * values otherwise. The forwarded headers themselves are hidden, so nothing further down reads them again.
 */
final class ForwardedRequest extends HttpServletRequestWrapper {

    private static final Set<String> FORWARDED = Set.of(
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-forwarded-port",
            "x-forwarded-prefix",
            "x-forwarded-ssl",
            "x-real-ip");

    private final String remoteAddr;
    private final String scheme;
    private final String host;
    private final int port;

    private ForwardedRequest(HttpServletRequest request, String remoteAddr, UriComponents seen) {
        super(request);
        this.remoteAddr = remoteAddr;
        this.scheme = seen.getScheme();
        this.host = seen.getHost();
        this.port = seen.getPort() != -1 ? seen.getPort() : "https".equals(scheme) ? 443 : 80;
    }

    static ForwardedRequest of(HttpServletRequest request, TrustedProxies proxies) {
        UriComponentsBuilder direct = UriComponentsBuilder.newInstance()
                .scheme(request.getScheme())
                .host(request.getServerName())
                .port(request.getServerPort());
        String peer = request.getRemoteAddr();
        if (!proxies.trusts(peer)) {
            return new ForwardedRequest(request, peer, direct.build());
        }
        HttpHeaders adopted = new HttpHeaders();
        String client = peer;
        List<String> forwardedFor = values(request, "X-Forwarded-For");
        List<String> elements = values(request, "Forwarded");
        if (forwardedFor.isEmpty() && !elements.isEmpty()) {
            int hop = proxies.clientHop(
                    elements.stream().map(ForwardedRequest::forNode).toList());
            client = hop < 0 ? peer : forNode(elements.get(hop));
            // the element the first trusted proxy wrote: its proto and host describe the client's request
            adopted.set("Forwarded", elements.get(hop < 0 ? elements.size() - 1 : hop));
        } else {
            int hop = proxies.clientHop(forwardedFor);
            client = hop < 0 ? peer : forwardedFor.get(hop);
            for (String name :
                    List.of("X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Ssl")) {
                String value = request.getHeader(name);
                if (value != null) {
                    adopted.set(name, value);
                }
            }
        }
        try {
            return new ForwardedRequest(
                    request,
                    client,
                    ForwardedHeaderUtils.adaptFromForwardedHeaders(
                                    direct.build().toUri(), adopted)
                            .build());
        } catch (IllegalArgumentException malformed) {
            return new ForwardedRequest(request, client, direct.build());
        }
    }

    /** Comma-separated values of every line of a header, left to right. */
    private static List<String> values(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders(name))) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    /** The address in a {@code Forwarded} element's {@code for=} (RFC 7239), without quotes, brackets or port. */
    static String forNode(String element) {
        for (String pair : element.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("for")) {
                String node = kv[1].strip().replace("\"", "");
                if (node.startsWith("[")) {
                    int end = node.indexOf(']');
                    return end < 0 ? node : node.substring(1, end);
                }
                int colon = node.indexOf(':');
                return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
            }
        }
        return "";
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public String getRemoteHost() {
        return remoteAddr;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public boolean isSecure() {
        return "https".equals(scheme);
    }

    @Override
    public String getServerName() {
        return host;
    }

    @Override
    public int getServerPort() {
        return port;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(origin()).append(getRequestURI());
    }

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    String origin() {
        boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !hidden(name))
                .toList());
    }

    private static boolean hidden(String name) {
        return name != null && FORWARDED.contains(name.toLowerCase(Locale.ROOT));
    }
}
