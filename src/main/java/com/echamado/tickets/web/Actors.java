package com.echamado.tickets.web;

import com.echamado.platform.security.CurrentUser;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The acting user from the token or session: id and roles never come from the request body. */
@Component
class Actors {

    private final TicketManagement tickets;

    Actors(TicketManagement tickets) {
        this.tickets = tickets;
    }

    Actor of(Authentication authentication) {
        var id = CurrentUser.id(authentication)
                .orElseThrow(() -> new AccessDeniedException("Tickets are worked by users, not by client tokens"));
        boolean admin = has(authentication, "ROLE_ADMIN");
        boolean agent = has(authentication, "ROLE_SUPPORT");
        return tickets.actor(id, admin, agent);
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
