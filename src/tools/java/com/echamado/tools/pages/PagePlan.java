package com.echamado.tools.pages;

import com.echamado.tools.pages.PageBenchmark.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link PageBenchmark} requests, drawn from the data set: the first administrators, agents in a fixed
 * pseudo-random order, and requesters starting with the busiest one (the worst case of "my tickets"); for each user
 * 50 ticket numbers they may see for the detail and edit pages, taken in turn.
 */
final class PagePlan {

    static final String ANONYMOUS = "anonymous";
    private static final String IN_PROGRESS = "00000000-0000-4000-8000-000000000102";
    private static final int TICKETS_PER_USER = 50;
    /** Rows per page of the ticket list (the page size of the list pages, 20). */
    private static final int LIST_PAGE_SIZE = 20;

    private static final int DEEP_PAGE = 500;

    private final JdbcTemplate db;
    private final Map<String, List<String>> emails = new LinkedHashMap<>();
    private final Map<String, List<List<Long>>> tickets = new LinkedHashMap<>();
    private final Map<String, List<List<Long>>> openTickets = new LinkedHashMap<>();
    private final Map<String, List<Integer>> deepPages = new LinkedHashMap<>();
    private final UUID someAgent;

    PagePlan(JdbcTemplate db, int users) {
        this.db = db;
        add(
                "admin",
                db.queryForList(
                        "select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'ADMIN'"
                                + " order by u.email limit ?",
                        UUID.class,
                        users));
        add(
                "agent",
                db.queryForList(
                        "select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'SUPPORT'"
                                + " order by md5(u.email) limit ?",
                        UUID.class,
                        users));
        List<UUID> requesters = new ArrayList<>(db.queryForList(
                "select requester_id from ticket group by requester_id order by count(*) desc limit 1", UUID.class));
        requesters.addAll(db.queryForList(
                "select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'USER'"
                        + " where exists (select 1 from ticket t where t.requester_id = u.id) and u.id <> ?"
                        + " order by md5(u.email) limit ?",
                UUID.class,
                requesters.get(0),
                users - 1));
        add("requester", requesters);
        someAgent = db.queryForObject(
                "select user_id from app_user_role where role = 'SUPPORT' order by user_id limit 1", UUID.class);
    }

    private void add(String role, List<UUID> ids) {
        List<String> roleEmails = new ArrayList<>();
        List<List<Long>> roleTickets = new ArrayList<>();
        List<List<Long>> roleOpen = new ArrayList<>();
        List<Integer> roleDeep = new ArrayList<>();
        for (UUID id : ids) {
            roleEmails.add(db.queryForObject("select email from app_user where id = ?", String.class, id));
            roleTickets.add(visibleTickets(role, id));
            roleOpen.add(openTickets(role, id));
            roleDeep.add(deepPage(role, id));
        }
        emails.put(role, roleEmails);
        tickets.put(role, roleTickets);
        openTickets.put(role, roleOpen);
        deepPages.put(role, roleDeep);
    }

    /** A random sample of the tickets the user may see, old and new, open and closed. */
    private List<Long> visibleTickets(String role, UUID id) {
        return switch (role) {
            case "admin" ->
                db.queryForList(
                        "select number from ticket tablesample system (0.5) repeatable (7) limit ?",
                        Long.class,
                        TICKETS_PER_USER);
            case "agent" ->
                db.queryForList(
                        "select number from ticket tablesample system (2) repeatable (7)"
                                + " where department_id in (select department_id from department_agent where user_id = ?)"
                                + " limit ?",
                        Long.class,
                        id,
                        TICKETS_PER_USER);
            default ->
                db.queryForList(
                        "select number from ticket where requester_id = ? order by md5(number::text) limit ?",
                        Long.class,
                        id,
                        TICKETS_PER_USER);
        };
    }

    /** Open tickets the staff member may edit: of their departments (any for an administrator). */
    private List<Long> openTickets(String role, UUID id) {
        return db.queryForList(
                "select number from ticket where not is_closed and (? or department_id in"
                        + " (select department_id from department_agent where user_id = ?))"
                        + " order by md5(number::text) limit ?",
                Long.class,
                "admin".equals(role),
                id,
                TICKETS_PER_USER);
    }

    /** Page 500 of all tickets for staff (offset 10,000); for a requester, the middle page of their tickets. */
    private int deepPage(String role, UUID id) {
        if (!"requester".equals(role)) {
            return DEEP_PAGE;
        }
        Long count = db.queryForObject("select count(*) from ticket where requester_id = ?", Long.class, id);
        return (int) Math.min(DEEP_PAGE, count / LIST_PAGE_SIZE / 2);
    }

    Map<String, List<String>> emails() {
        return emails;
    }

    List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(ANONYMOUS, "sign-in", round -> "/login"));
        for (String role : emails.keySet()) {
            boolean staff = !"requester".equals(role);
            pages.add(new Page(role, "dashboard", round -> "/"));
            pages.add(new Page(role, "list", round -> "/tickets"));
            pages.add(new Page(role, "list-mine", round -> "/tickets?view=mine"));
            if (staff) {
                pages.add(new Page(role, "list-assigned", round -> "/tickets?view=assigned"));
                pages.add(new Page(role, "list-unassigned", round -> "/tickets?view=unassigned"));
                pages.add(new Page(role, "list-overdue", round -> "/tickets?view=overdue"));
                pages.add(new Page(role, "list-in-progress", round -> "/tickets?status=" + IN_PROGRESS));
            }
            pages.add(new Page(role, "list-urgent", round -> "/tickets?priority=URGENT"));
            pages.add(
                    new Page(role, "list-closed-by-priority", round -> "/tickets?state=closed&sort=priority&dir=desc"));
            pages.add(new Page(role, "list-deep", round -> "/tickets?state=all&page=" + turn(deepPages, role, round)));
            pages.add(new Page(role, "list-search-common", round -> "/tickets?q=impressora"));
            pages.add(new Page(role, "list-search-rare", round -> "/tickets?q=PAT-48213"));
            pages.add(new Page(role, "detail", ticket(tickets, role, "/tickets/%d")));
            if (staff) {
                pages.add(new Page(role, "edit", ticket(openTickets, role, "/tickets/%d/edit")));
            }
            pages.add(new Page(role, "new-ticket", round -> "/tickets/new"));
            pages.add(new Page(role, "profile", round -> "/account/profile"));
            if ("admin".equals(role)) {
                pages.add(new Page(role, "catalog-categories", round -> "/admin/catalog/categories"));
                pages.add(new Page(role, "catalog-departments", round -> "/admin/catalog/departments"));
                pages.add(new Page(role, "users", round -> "/admin/users"));
                pages.add(new Page(role, "users-search", round -> "/admin/users?q=usuario12"));
                pages.add(new Page(role, "user", round -> "/admin/users/" + someAgent));
                pages.add(new Page(role, "clients", round -> "/admin/clients"));
            }
        }
        return pages;
    }

    /** The round's ticket of the round's user of the role (users take turns, as in PageBenchmark). */
    private static IntFunction<String> ticket(Map<String, List<List<Long>>> pool, String role, String format) {
        return round -> {
            List<List<Long>> perUser = pool.get(role);
            List<Long> mine = perUser.get(round % perUser.size());
            return format.formatted(mine.get((round / perUser.size()) % mine.size()));
        };
    }

    private static <T> T turn(Map<String, List<T>> perRole, String role, int round) {
        List<T> perUser = perRole.get(role);
        return perUser.get(round % perUser.size());
    }
}
