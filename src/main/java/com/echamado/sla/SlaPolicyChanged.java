package com.echamado.sla;

import java.util.UUID;

/** A policy or calendar was created, edited or removed: the open tickets are recomputed in the background. */
public record SlaPolicyChanged(UUID eventId, UUID policyId) {}
