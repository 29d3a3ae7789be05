package com.echamado.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What other modules and the API see of a user. Never carries the password hash. */
public record UserView(
        UUID id,
        String email,
        String fullName,
        Set<Role> roles,
        boolean enabled,
        boolean locked,
        boolean mustChangePassword,
        String language,
        Instant createdAt,
        Instant lastLoginAt) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
