package com.echamado.ui.web;

import com.echamado.identity.UserManagement;
import com.echamado.platform.security.CurrentUser;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.web.Viewer;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Builds the {@link Viewer} from the session: id and roles never come from the request. */
@Component
class Viewers {

    private final UserManagement users;
    private final TicketManagement tickets;

    Viewers(UserManagement users, TicketManagement tickets) {
        this.users = users;
        this.tickets = tickets;
    }

    Optional<Viewer> of(Authentication authentication) {
        return CurrentUser.id(authentication).map(id -> {
            boolean admin = has(authentication, "ROLE_ADMIN");
            boolean agent = has(authentication, "ROLE_SUPPORT");
            return new Viewer(id, users.get(id).fullName(), admin, agent, tickets.actor(id, admin, agent));
        });
    }

    Viewer require(Authentication authentication) {
        return of(authentication).orElseThrow(() -> new IllegalStateException("Pages need a signed-in user"));
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
