package com.echamado.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user who must change the password (generated first administrator, admin reset) to the change page
 * before anything else, including the authorization endpoint: no token is issued to such a session.
 */
public class PasswordChangeGate extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (mustChangePassword(authentication) && !allowed(request.getRequestURI())) {
            response.sendRedirect(request.getContextPath() + PasswordChange.PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean mustChangePassword(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> PasswordChange.REQUIRED_AUTHORITY.equals(a.getAuthority()));
    }

    private static boolean allowed(String uri) {
        return uri.equals(PasswordChange.PAGE)
                || uri.equals("/logout")
                || uri.startsWith("/css/")
                || uri.startsWith("/webjars/")
                || uri.startsWith("/js/")
                || uri.equals("/error");
    }
}
