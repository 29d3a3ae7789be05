package com.echamado.sla;

import org.springframework.modulith.NamedInterface;

/**
 * What an SLA promises: the first agent reply, the next agent reply after each requester message, and the
 * resolution.
 */
@NamedInterface("events")
public enum SlaTarget {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    RESOLUTION
}
