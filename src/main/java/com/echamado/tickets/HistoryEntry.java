package com.echamado.tickets;

import java.time.Instant;
import java.util.UUID;

/** One immutable change of a ticket: who, when, which field, from what to what. */
public record HistoryEntry(long id, UUID actorId, Instant changedAt, String field, String oldValue, String newValue) {}
