package com.echamado.tickets.web;

import com.echamado.catalog.Priority;
import com.echamado.tickets.TicketQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ticket list's filters as they stand in the URL, so that a view can be bookmarked and shared. {@code view}
 * names a saved view (mine, assigned, unassigned, overdue, breaching: the nearest SLA deadline within the hour or
 * passed); {@code state} is open (default), closed or all;
 * {@code assignee} is an agent's id or {@code none}.
 */
record ListFilters(
        String q,
        List<UUID> status,
        UUID department,
        UUID type,
        UUID category,
        Priority priority,
        String assignee,
        Boolean overdue,
        String state,
        LocalDate from,
        LocalDate to,
        String view,
        String sort,
        String dir,
        Integer page) {

    static final int PAGE_SIZE = 20;
    static final String UNASSIGNED = "none";
    static final Set<String> VIEWS = Set.of("mine", "assigned", "unassigned", "overdue", "breaching");
    static final Set<String> SORTS =
            Set.of("number", "title", "priority", "openedAt", "dueAt", "updatedAt", "slaDueAt");

    /** The window of the "breaching" view: the nearest SLA deadline within the next hour, or already passed. */
    static final java.time.Duration BREACHING = java.time.Duration.ofHours(1);

    TicketQuery toQuery(UUID me, ZoneId zone) {
        UUID requester = null;
        UUID assigneeId = assigneeId();
        Boolean unassigned = UNASSIGNED.equals(assignee) ? true : null;
        Boolean late = Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null;
        Boolean closed = closedFilter();
        java.time.Duration slaDueWithin = null;
        switch (savedView()) {
            case "mine" -> requester = me;
            case "assigned" -> assigneeId = me;
            case "unassigned" -> unassigned = true;
            case "overdue" -> late = true;
            case "breaching" -> slaDueWithin = BREACHING;
            default -> {}
        }
        Instant openedFrom = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant openedTo = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        String orderBy = sortable() ? sort + ("asc".equals(dir) ? " asc" : " desc") : null;
        return TicketQuery.builder()
                .statuses(status == null ? List.of() : status)
                .departmentId(department)
                .typeId(type)
                .categoryId(category)
                .priority(priority)
                .assigneeId(assigneeId)
                .requesterId(requester)
                .unassigned(unassigned)
                .overdue(late)
                .closed(closed)
                .openedBetween(openedFrom, openedTo)
                .slaDueWithin(slaDueWithin)
                .q(q == null || q.isBlank() ? null : q.trim())
                .orderBy(orderBy)
                .page(pageNumber())
                .size(PAGE_SIZE)
                .build();
    }

    /** The assignee chosen in the filter: an agent's id, or {@code none} for tickets nobody works yet. */
    public UUID assigneeId() {
        try {
            return assignee == null || UNASSIGNED.equals(assignee) ? null : UUID.fromString(assignee);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    public boolean unassignedOnly() {
        return UNASSIGNED.equals(assignee);
    }

    public String savedView() {
        return view != null && VIEWS.contains(view) ? view : "";
    }

    public String stateOrDefault() {
        return "closed".equals(state) || "all".equals(state) ? state : "open";
    }

    private boolean sortable() {
        return sort != null && SORTS.contains(sort);
    }

    public int pageNumber() {
        return page == null || page < 0 ? 0 : Math.min(page, 10_000);
    }

    private Boolean closedFilter() {
        return switch (stateOrDefault()) {
            case "closed" -> true;
            case "all" -> null;
            default -> false;
        };
    }

    /** This list's URL with some parameters replaced (null removes one): for sorting, paging and chips. */
    public String link(Object... pairs) {
        Map<String, Object> params = params();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                params.remove((String) pairs[i]);
            } else {
                params.put((String) pairs[i], pairs[i + 1]);
            }
        }
        if (!params.containsKey("page") || "0".equals(String.valueOf(params.get("page")))) {
            params.remove("page");
        }
        String query = params.entrySet().stream()
                .flatMap(e -> e.getValue() instanceof List<?> list
                        ? list.stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v)))
                        : java.util.stream.Stream.of(encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue()))))
                .collect(Collectors.joining("&"));
        return "/tickets" + (query.isEmpty() ? "" : "?" + query);
    }

    /** The CSV download of every row of this list, filters and order kept. */
    public String exportLink() {
        return "/tickets/export.csv" + link("page", null).substring("/tickets".length());
    }

    /** The link that sorts by {@code column}: ascending first, the other way when it is already sorted so. */
    public String sortLink(String column) {
        boolean ascending = column.equals(sort) && !"asc".equals(dir);
        return link("sort", column, "dir", ascending ? "asc" : "desc", "page", null);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for aria-sort. */
    public String sortState(String column) {
        if (!column.equals(sort)) {
            return "none";
        }
        return "asc".equals(dir) ? "ascending" : "descending";
    }

    private Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "view", savedView().isEmpty() ? null : view);
        put(out, "q", q == null || q.isBlank() ? null : q);
        if (status != null && !status.isEmpty()) {
            out.put("status", new ArrayList<>(status));
        }
        put(out, "department", department);
        put(out, "type", type);
        put(out, "category", category);
        put(out, "priority", priority);
        put(out, "assignee", unassignedOnly() ? UNASSIGNED : assigneeId());
        put(out, "overdue", Boolean.TRUE.equals(overdue) ? true : null);
        put(out, "state", "open".equals(stateOrDefault()) ? null : stateOrDefault());
        put(out, "from", from);
        put(out, "to", to);
        put(out, "sort", sortable() ? sort : null);
        put(out, "dir", sortable() ? ("asc".equals(dir) ? "asc" : "desc") : null);
        put(out, "page", pageNumber() == 0 ? null : pageNumber());
        return out;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
