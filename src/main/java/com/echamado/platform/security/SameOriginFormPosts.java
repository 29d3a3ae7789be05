package com.echamado.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a state-changing request of the web chain whose {@code Origin}, or without one whose
 * {@code Referer}, is not the public URL's origin (without a public URL: the request's own origin), before the CSRF
 * token is looked at. {@code Origin: null} is refused. A request with neither header passes on to the CSRF check:
 * browsers send {@code Origin} on every POST, so such a request does not come from a page of another site.
 */
final class SameOriginFormPosts extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final PublicOrigin publicOrigin;
    private final SecurityEvents events;

    SameOriginFormPosts(PublicOrigin publicOrigin, SecurityEvents events) {
        this.publicOrigin = publicOrigin;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source != null) {
            String expected = publicOrigin.isSet() ? publicOrigin.value() : ownOrigin(request);
            if (!expected.equals(originOf(source))) {
                events.record(
                        "cross_origin_refused",
                        Map.of("origin", source, "method", request.getMethod(), "path", request.getRequestURI()));
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return PublicOrigin.origin(
                URI.create(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()));
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() == null || uri.getHost() == null ? "" : PublicOrigin.origin(uri);
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }
}
