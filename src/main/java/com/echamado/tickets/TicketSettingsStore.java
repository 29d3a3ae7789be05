package com.echamado.tickets;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one row of {@code ticket_settings}, read on every use so that every replica sees a change at once. */
@Component
class TicketSettingsStore {

    private final JdbcTemplate jdbc;

    TicketSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    TicketSettings read() {
        return jdbc.queryForObject(
                "select requesters_choose_priority from ticket_settings where id = 1",
                (rs, i) -> new TicketSettings(rs.getBoolean(1)));
    }

    void write(TicketSettings settings) {
        jdbc.update(
                "update ticket_settings set requesters_choose_priority = ? where id = 1",
                settings.requestersChoosePriority());
    }
}
