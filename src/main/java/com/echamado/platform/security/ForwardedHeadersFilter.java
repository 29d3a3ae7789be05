package com.echamado.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: forwarded headers count only from trusted proxies ({@link ForwardedRequest}),
 * and redirects to this service go to the public URL ({@link PublicRedirects}). Replaces Spring's
 * {@code ForwardedHeaderFilter}, which believed any client ({@code server.forward-headers-strategy: none}).
 */
final class ForwardedHeadersFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;
    private final PublicOrigin publicOrigin;

    ForwardedHeadersFilter(TrustedProxies proxies, PublicOrigin publicOrigin) {
        this.proxies = proxies;
        this.publicOrigin = publicOrigin;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ForwardedRequest seen = ForwardedRequest.of(request, proxies);
        chain.doFilter(seen, new PublicRedirects(response, seen, publicOrigin));
    }
}
