package com.echamado.identity;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A user registered or an administrator created one (actorId null for self-registration). */
@NamedInterface("events")
@Externalized("echamado.events::user.created")
public record UserCreated(UUID eventId, Instant occurredAt, UUID userId, Set<Role> roles, String language, UUID actorId)
        implements DomainEvent {}
