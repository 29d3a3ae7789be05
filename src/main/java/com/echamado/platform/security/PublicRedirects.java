package com.echamado.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.util.StringUtils;

/**
 * Points every redirect to this service at the configured public URL, whatever {@code Host} or
 * {@code X-Forwarded-Host} the request carried. Without a public URL ({@code local}) the redirect is a bare path,
 * which the browser resolves against the address it used. Redirects elsewhere (an OAuth client) stay as they are.
 */
final class PublicRedirects extends HttpServletResponseWrapper {

    private final ForwardedRequest request;
    private final PublicOrigin publicOrigin;

    PublicRedirects(HttpServletResponse response, ForwardedRequest request, PublicOrigin publicOrigin) {
        super(response);
        this.request = request;
        this.publicOrigin = publicOrigin;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(rewrite(location));
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        super.sendRedirect(rewrite(location), sc, clearBuffer);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, isRedirectLocation(name) ? rewrite(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, isRedirectLocation(name) ? rewrite(value) : value);
    }

    private boolean isRedirectLocation(String name) {
        return "Location".equalsIgnoreCase(name) && getStatus() >= 300 && getStatus() < 400;
    }

    String rewrite(String location) {
        if (location == null || location.startsWith("//")) {
            return location;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        String path;
        if (uri.getScheme() == null) {
            path = location.startsWith("/")
                    ? location
                    : StringUtils.applyRelativePath(request.getRequestURI(), location);
        } else if (isThisService(uri)) {
            String rest = location.substring(location.indexOf("//") + 2);
            int slash = indexOfPathQueryOrFragment(rest);
            path = slash < 0 ? "/" : rest.charAt(slash) == '/' ? rest.substring(slash) : "/" + rest.substring(slash);
        } else {
            return location;
        }
        return publicOrigin.value() + path;
    }

    private boolean isThisService(URI uri) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme.equals(request.getScheme())
                && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port == request.getServerPort();
    }

    private static int indexOfPathQueryOrFragment(String afterScheme) {
        for (int i = 0; i < afterScheme.length(); i++) {
            char c = afterScheme.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return -1;
    }
}
