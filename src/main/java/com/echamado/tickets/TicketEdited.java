package com.echamado.tickets;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's fields were edited (title, description, type, category, department, priority or due date; the
 * history says which). In-process only, not externalised: the SLA module re-matches its policy on it.
 */
public record TicketEdited(UUID eventId, Instant occurredAt, UUID ticketId) {}
