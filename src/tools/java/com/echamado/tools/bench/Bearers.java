package com.echamado.tools.bench;

import com.echamado.tools.AccessTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One {@code Authorization} header per user of the data set, minted once and valid for the whole run. */
final class Bearers {

    private final AccessTokens tokens;
    private final Map<UUID, List<String>> roles;
    private final Map<UUID, String> cache = new ConcurrentHashMap<>();

    /** {@code roles}: every user's roles as the issuer would read them (an agent may also be a requester). */
    Bearers(AccessTokens tokens, Map<UUID, List<String>> roles) {
        this.tokens = tokens;
        this.roles = roles;
    }

    String bearer(UUID user) {
        return cache.computeIfAbsent(
                user, u -> "Bearer " + tokens.mint(u.toString(), roles.getOrDefault(u, List.of("USER"))));
    }
}
