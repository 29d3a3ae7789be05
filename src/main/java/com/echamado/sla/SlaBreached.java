package com.echamado.sla;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A ticket's target passed its deadline unmet; announced once per ticket, target and cycle. */
@NamedInterface("events")
@Externalized("echamado.events::sla.breached")
public record SlaBreached(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        SlaTarget target,
        int cycle,
        Instant deadlineAt,
        UUID policyId,
        UUID departmentId,
        UUID assigneeId)
        implements DomainEvent {}
