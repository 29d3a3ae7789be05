package com.echamado.tickets;

import com.echamado.catalog.CatalogUsage;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells the catalog how many tickets use an entry, so that it refuses to delete one in use. */
@Component
class TicketCatalogUsage implements CatalogUsage {

    private final JdbcTemplate jdbc;

    TicketCatalogUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countUsing(UUID entryId) {
        Long count = jdbc.queryForObject("""
                select (select count(*) from ticket where type_id = ?) + (select count(*) from ticket where category_id = ?)
                     + (select count(*) from ticket where subcategory_id = ?) + (select count(*) from ticket where department_id = ?)
                     + (select count(*) from ticket where status_id = ?)
                """, Long.class, entryId, entryId, entryId, entryId, entryId);
        return count == null ? 0 : count;
    }
}
