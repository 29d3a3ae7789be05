package com.echamado.sla;

/**
 * What an SLA promises: the first agent reply, the next agent reply after each requester message, and the
 * resolution.
 */
public enum SlaTarget {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    RESOLUTION
}
