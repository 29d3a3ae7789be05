package com.echamado.tickets;

import java.util.UUID;

/**
 * A ticket row was written: its state before ({@code null} when it was inserted) and after ({@code null} when it was
 * deleted). Published synchronously inside the transaction that writes the row, each time that row is flushed, so a
 * listener that keeps figures of tickets changes them in the same transaction (the dashboard's counters do). It is
 * not an outbox event: it never leaves the process and is not redelivered.
 */
public record TicketStateChanged(UUID ticketId, TicketState before, TicketState after) {}
