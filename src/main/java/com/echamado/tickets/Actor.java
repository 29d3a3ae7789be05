package com.echamado.tickets;

import java.util.Set;
import java.util.UUID;

/** Who is acting, from the token or session: the user id, whether agent or admin, and the agent's departments. */
public record Actor(UUID id, boolean admin, boolean agent, Set<UUID> departments) {

    public boolean isStaff() {
        return admin || agent;
    }
}
