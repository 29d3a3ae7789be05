package com.echamado.identity;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** An administrator replaced a user's roles. */
@NamedInterface("events")
@Externalized("echamado.events::user.roles-changed")
public record UserRolesChanged(
        UUID eventId, Instant occurredAt, UUID userId, Set<Role> previousRoles, Set<Role> roles, UUID actorId)
        implements DomainEvent {}
