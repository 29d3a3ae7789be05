package com.echamado.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API is stateless (bearer tokens), yet a browser sends its session cookie along with its {@code /api/**}
 * calls, and several framework parts ask for "the session, if any" on every request (authentication details, session
 * fixation handling, flash attributes, request-handled events). Each such question makes Spring Session load the
 * browser's session from Redis: a round trip per API call, and a failed call while Redis is down. API requests
 * therefore reach Spring Session without the session cookie, so they never look a session up.
 */
final class ApiWithoutSessionCookie extends OncePerRequestFilter {

    private final String cookieName;

    ApiWithoutSessionCookie(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Cookie[] getCookies() {
                        Cookie[] cookies = super.getCookies();
                        return cookies == null
                                ? null
                                : Arrays.stream(cookies)
                                        .filter(cookie -> !cookie.getName().equals(cookieName))
                                        .toArray(Cookie[]::new);
                    }
                },
                response);
    }
}
