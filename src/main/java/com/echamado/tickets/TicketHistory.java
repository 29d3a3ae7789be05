package com.echamado.tickets;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends history rows (never updated or deleted) and reads them back, internal entries only for staff. */
@Component
class TicketHistory {

    private final JdbcTemplate jdbc;

    TicketHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID ticketId, UUID actorId, Instant at, List<Ticket.Change> changes, boolean internal) {
        for (Ticket.Change change : changes) {
            jdbc.update(
                    "insert into ticket_history (ticket_id, actor_id, changed_at, field, old_value, new_value, internal)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    ticketId,
                    actorId,
                    Timestamp.from(at),
                    change.field(),
                    change.oldValue(),
                    change.newValue(),
                    internal);
        }
    }

    List<HistoryEntry> of(UUID ticketId, boolean includeInternal) {
        return jdbc.query(
                "select id, actor_id, changed_at, field, old_value, new_value from ticket_history where ticket_id = ?"
                        + (includeInternal ? "" : " and internal = false")
                        + " order by id",
                (rs, i) -> new HistoryEntry(
                        rs.getLong("id"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value")),
                ticketId);
    }
}
