package com.echamado.tickets;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who is acting, from the token or session: the user id, whether agent or admin, and the agent's departments. */
public record Actor(UUID id, boolean admin, boolean agent, Set<UUID> departments) {

    public boolean isStaff() {
        return admin || agent;
    }

    /** Who this is and what they may see, as stable text (departments sorted): a cache key for per-caller figures. */
    public String scope() {
        return id + (admin ? ":admin" : "") + (agent ? ":agent" : "") + ":"
                + departments.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }
}
