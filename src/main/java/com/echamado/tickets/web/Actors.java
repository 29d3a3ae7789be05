package com.echamado.tickets.web;

import com.echamado.platform.security.CurrentUser;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The acting user from the token or session: id and roles never come from the request body. An integration's own
 * (client_credentials) token acts under its {@code actor_id} with the role and, as an agent, the {@code departments}
 * an administrator gave the client; a client token without them works no tickets. Exposed as the named interface
 * {@code tickets :: web} to the adapters of modules that act on tickets for the caller (the dashboard's).
 */
@Component
public class Actors {

    private final TicketManagement tickets;

    Actors(TicketManagement tickets) {
        this.tickets = tickets;
    }

    public Actor of(Authentication authentication) {
        Optional<UUID> user = CurrentUser.id(authentication);
        boolean admin = has(authentication, "ROLE_ADMIN");
        boolean agent = has(authentication, "ROLE_SUPPORT");
        if (user.isPresent()) {
            return tickets.actor(user.get(), admin, agent);
        }
        if (authentication != null
                && authentication.getPrincipal() instanceof Jwt jwt
                && jwt.getClaimAsString("actor_id") != null) {
            List<String> departments = jwt.getClaimAsStringList("departments");
            return new Actor(
                    UUID.fromString(jwt.getClaimAsString("actor_id")),
                    admin,
                    agent,
                    agent && departments != null
                            ? departments.stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet())
                            : Set.of());
        }
        throw new AccessDeniedException("This client was given no role to work tickets with");
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
