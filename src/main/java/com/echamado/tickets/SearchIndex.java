package com.echamado.tickets;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's full-text document current, in the same transaction as the change: number and title (weight A),
 * description (B) and public, undeleted replies (C), Portuguese without accents.
 */
@Component
class SearchIndex {

    private final JdbcTemplate jdbc;

    SearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void refresh(UUID ticketId) {
        jdbc.update("""
                update ticket t set search_document =
                    setweight(to_tsvector('echamado_pt', t.number::text || ' ' || t.title), 'A')
                    || setweight(to_tsvector('echamado_pt', t.description), 'B')
                    || setweight(to_tsvector('echamado_pt', coalesce((
                        select string_agg(c.body, ' ') from ticket_comment c
                        where c.ticket_id = t.id and not c.internal and c.deleted_at is null), '')), 'C')
                where t.id = ?
                """, ticketId);
    }
}
