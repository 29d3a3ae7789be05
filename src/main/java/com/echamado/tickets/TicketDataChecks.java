package com.echamado.tickets;

import com.echamado.platform.ops.DataCheck;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --verify-data} over tickets, their history and comments, and the catalog entries and users they name. */
@Component
@Order(100)
class TicketDataChecks implements DataCheck {

    @Override
    public List<Check> checks() {
        return List.of(
                new Check(
                        "ticket numbers are unique",
                        "select count(*) from (select number from ticket group by number having count(*) > 1) d"),
                new Check(
                        "the ticket-number sequence is ahead of every ticket",
                        "select count(*) from ticket where number > (select last_value from ticket_number_seq)"),
                new Check(
                        "every ticket has its 'created' history entry",
                        "select count(*) from ticket t where not exists (select 1 from ticket_history h"
                                + " where h.ticket_id = t.id and h.field = 'created')"),
                new Check(
                        "history rows belong to tickets",
                        "select count(*) from ticket_history h where not exists"
                                + " (select 1 from ticket t where t.id = h.ticket_id)"),
                new Check(
                        "comments belong to tickets",
                        "select count(*) from ticket_comment c where not exists"
                                + " (select 1 from ticket t where t.id = c.ticket_id)"),
                new Check(
                        "tickets refer to existing catalog entries",
                        "select count(*) from ticket t where not exists (select 1 from catalog_entry e where e.id = t.status_id)"
                                + " or not exists (select 1 from catalog_entry e where e.id = t.department_id)"
                                + " or not exists (select 1 from catalog_entry e where e.id = t.type_id)"
                                + " or not exists (select 1 from catalog_entry e where e.id = t.category_id)"),
                new Check(
                        "tickets refer to existing users",
                        "select count(*) from ticket t where not exists (select 1 from app_user u where u.id = t.requester_id)"
                                + " or (t.assignee_id is not null and not exists"
                                + " (select 1 from app_user u where u.id = t.assignee_id))"),
                new Check(
                        "closed tickets have a closing time and open ones none",
                        "select count(*) from ticket where (is_closed and closed_at is null)"
                                + " or (not is_closed and closed_at is not null)"));
    }
}
