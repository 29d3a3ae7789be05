package com.echamado.identity;

import com.echamado.platform.security.CurrentUser;
import com.echamado.platform.security.HttpSecurityContribution;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signed-in browser sessions remember when they signed in; on each request a session whose user was disabled, or
 * whose access ended after it signed in ({@link AccessCutoffs}), is invalidated and the request goes on anonymous
 * (pages then send it to the login form). This is what ends in-memory sessions ({@code local}) and a session a
 * replica could not delete from Redis; with Redis the sessions are deleted at once as well.
 */
@Component
public class SignedInSessions implements HttpSecurityContribution {

    static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".SIGNED_IN_AT";

    private final AccessCutoffs cutoffs;
    private final Clock clock;

    SignedInSessions(AccessCutoffs cutoffs, Clock clock) {
        this.cutoffs = cutoffs;
        this.clock = clock;
    }

    /** The web chain's check; the authorization server's chain adds {@link #filter()} itself. */
    @Override
    public void contribute(HttpSecurity http) {
        http.addFilterAfter(filter(), SecurityContextHolderFilter.class);
    }

    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                check(request);
                chain.doFilter(request, response);
            }
        };
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().getSession().setAttribute(SIGNED_IN_AT, clock.instant());
        }
    }

    private void check(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<UUID> user = authentication instanceof UsernamePasswordAuthenticationToken
                ? CurrentUser.id(authentication)
                : Optional.empty();
        HttpSession session = request.getSession(false);
        if (user.isEmpty() || session == null) {
            return;
        }
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)) {
            session.setAttribute(SIGNED_IN_AT, clock.instant()); // signed in before this check existed
            return;
        }
        if (!cutoffs.acceptsSession(user.get(), signedInAt)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
    }
}
