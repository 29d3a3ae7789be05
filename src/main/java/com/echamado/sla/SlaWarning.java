package com.echamado.sla;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/**
 * A ticket's target reached its warning share (for example 80 %) and is due at {@code deadlineAt}; announced once
 * per ticket, target and cycle, within the calendar's business hours unless configured otherwise.
 */
@NamedInterface("events")
@Externalized("echamado.events::sla.warning")
public record SlaWarning(
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
