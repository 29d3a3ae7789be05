package com.echamado.identity;

import com.echamado.platform.security.SecurityEvents;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins towards the lockout, clears them on success, and logs both as security events. */
@Component
class LoginBookkeeping {

    private final UserManagement users;
    private final SecurityEvents events;

    LoginBookkeeping(UserManagement users, SecurityEvents events) {
        this.users = users;
        this.events = events;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // bearer tokens and client authentications are not logins
        }
        String name = event.getAuthentication().getName();
        try {
            UUID id = UUID.fromString(name);
            users.recordSuccessfulLogin(id);
            events.record("login_success", Map.of("userId", id));
        } catch (IllegalArgumentException notAUser) {
            // a client or another principal: nothing to book
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String email = String.valueOf(event.getAuthentication().getPrincipal());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            users.recordFailedLogin(email);
        }
        events.record(
                "login_failure",
                Map.of(
                        "account",
                        email,
                        "reason",
                        event.getException().getClass().getSimpleName()));
    }
}
