package com.echamado.platform.observability;

import com.echamado.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** After authentication, adds the user's id ({@code userId}) to the request's log lines. */
class UserIdLogging extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentUser.id(SecurityContextHolder.getContext().getAuthentication())
                .ifPresent(id -> MDC.put("userId", id.toString()));
        chain.doFilter(request, response);
    }
}
