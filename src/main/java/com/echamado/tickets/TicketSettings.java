package com.echamado.tickets;

/**
 * The desk's settings. {@code requestersChoosePriority}: requesters may choose the priority of the tickets they open
 * and edit; otherwise the desk decides it (a requester's priority is ignored, as their due date always is).
 */
public record TicketSettings(boolean requestersChoosePriority) {}
