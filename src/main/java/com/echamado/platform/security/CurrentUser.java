package com.echamado.platform.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The signed-in user's id, taken from the session or the token's subject, never from the request body. */
public final class CurrentUser {

    private CurrentUser() {}

    /** Empty for anonymous requests and for tokens that represent a client rather than a user. */
    public static Optional<UUID> id(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(authentication.getName()));
        } catch (IllegalArgumentException clientToken) {
            return Optional.empty();
        }
    }
}
