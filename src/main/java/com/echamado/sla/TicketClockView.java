package com.echamado.sla;

import java.time.Instant;

/**
 * One target of a ticket as agents see it. {@code remainingMinutes} is business time left (negative: past the
 * deadline), null once met; a paused clock has no deadline. {@code breached} is true for a target met late, too.
 */
public record TicketClockView(
        SlaTarget target,
        int cycle,
        SlaState state,
        long goalMinutes,
        long elapsedMinutes,
        Long remainingMinutes,
        boolean paused,
        Instant warningAt,
        Instant deadlineAt,
        Instant metAt,
        Instant breachedAt,
        boolean breached) {}
