package com.echamado.tickets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may see and who may work a ticket, written once. Administrators see and work every ticket. Everyone sees the
 * tickets they requested. An agent also sees, and works, the tickets of their departments and those assigned to them;
 * everyone else is told a ticket does not exist.
 *
 * <p>The rule is a list of grants, "the ticket's column holds one of these values" ({@link #grants}). The Java form
 * ({@link #maySee}, {@link #mayWork}) tests the grants on a ticket; the SQL forms ({@link #visible}, {@link #parts})
 * are written from the same grants, so lists, search and the dashboard select exactly the tickets the facade lets a
 * caller open. {@code TicketAccessTests} checks the two forms against each other on PostgreSQL for a matrix of callers
 * and tickets.
 */
public final class TicketAccess {

    /** A condition on the ticket table aliased {@code t}, with its parameters in order. */
    public record Condition(String sql, List<Object> params) {

        public Condition {
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }
    }

    /** The columns of a ticket the rule reads. */
    enum Column {
        DEPARTMENT("t.department_id", false),
        REQUESTER("t.requester_id", false),
        ASSIGNEE("t.assignee_id", true);

        final String sql;
        final boolean nullable;

        Column(String sql, boolean nullable) {
            this.sql = sql;
            this.nullable = nullable;
        }
    }

    /** A ticket as the rule reads it. */
    record Parties(UUID department, UUID requester, UUID assignee) {

        UUID of(Column column) {
            return switch (column) {
                case DEPARTMENT -> department;
                case REQUESTER -> requester;
                case ASSIGNEE -> assignee;
            };
        }
    }

    /** One way to see a ticket: its column holds one of the values. {@code works}: it also lets the actor work it. */
    record Grant(Column column, List<UUID> values, boolean works) {

        boolean holds(Parties ticket) {
            UUID value = ticket.of(column);
            return value != null && values.contains(value);
        }

        String sql(List<Object> params) {
            params.addAll(values);
            return values.size() == 1 ? column.sql + " = ?" : column.sql + " in (" + placeholders(values.size()) + ")";
        }

        /** The ticket is not seen through this grant: {@code complement} lists every other value, when given. */
        String negatedSql(List<Object> params, List<UUID> complement) {
            if (complement != null) {
                return new Grant(column, complement, works).sql(params);
            }
            params.addAll(values);
            String out = values.size() == 1
                    ? column.sql + " <> ?"
                    : column.sql + " not in (" + placeholders(values.size()) + ")";
            return column.nullable ? "(" + column.sql + " is null or " + out + ")" : out;
        }
    }

    private TicketAccess() {}

    /**
     * The actor's grants, none for an administrator (who needs none). Their order is the order of {@link #parts}:
     * departments first, the large part of what an agent sees.
     */
    static List<Grant> grants(Actor actor) {
        List<Grant> grants = new ArrayList<>();
        if (actor.admin()) {
            return grants;
        }
        if (actor.agent() && !actor.departments().isEmpty()) {
            grants.add(new Grant(Column.DEPARTMENT, sorted(actor.departments()), true));
        }
        grants.add(new Grant(Column.REQUESTER, List.of(actor.id()), false));
        if (actor.agent()) {
            grants.add(new Grant(Column.ASSIGNEE, List.of(actor.id()), true));
        }
        return grants;
    }

    /** Whether the actor sees every ticket (an administrator). */
    public static boolean seesAll(Actor actor) {
        return actor.admin();
    }

    /** The departments whose every ticket the actor sees (an agent's own; none for others, all for an administrator). */
    public static List<UUID> departments(Actor actor) {
        return grants(actor).stream()
                .filter(grant -> grant.column() == Column.DEPARTMENT)
                .flatMap(grant -> grant.values().stream())
                .toList();
    }

    /** Whether the actor may see the ticket. */
    public static boolean maySee(Actor actor, TicketView ticket) {
        return maySee(actor, new Parties(ticket.departmentId(), ticket.requesterId(), ticket.assigneeId()));
    }

    /** Whether the actor may work the ticket as an agent or administrator (change any field, assign, resolve…). */
    public static boolean mayWork(Actor actor, TicketView ticket) {
        return mayWork(actor, new Parties(ticket.departmentId(), ticket.requesterId(), ticket.assigneeId()));
    }

    static boolean maySee(Actor actor, Parties ticket) {
        return actor.admin() || grants(actor).stream().anyMatch(grant -> grant.holds(ticket));
    }

    static boolean mayWork(Actor actor, Parties ticket) {
        return actor.admin() || grants(actor).stream().anyMatch(grant -> grant.works() && grant.holds(ticket));
    }

    static Parties parties(Ticket ticket) {
        return new Parties(ticket.departmentId(), ticket.requesterId(), ticket.assigneeId());
    }

    /** The tickets the actor may see, as one condition. */
    public static Condition visible(Actor actor) {
        if (actor.admin()) {
            return new Condition("true", List.of());
        }
        List<Object> params = new ArrayList<>();
        String sql = grants(actor).stream().map(grant -> grant.sql(params)).collect(Collectors.joining(" or "));
        return new Condition("(" + sql + ")", params);
    }

    /**
     * The tickets the actor may see as disjoint conditions, each answered by its own index: their departments'
     * tickets (one condition, or one a department with {@code departmentEach}), then what each later grant adds, such
     * as the tickets they requested outside their departments. Their union is {@link #visible}. For an administrator,
     * one condition that holds for every ticket.
     */
    public static List<Condition> parts(Actor actor, boolean departmentEach) {
        return parts(actor, departmentEach, null, true);
    }

    /**
     * What an agent sees outside their departments: the {@link #parts} after the departments', with "not in one of my
     * departments" written as "in one of {@code otherDepartments}" (every other department, disabled ones included),
     * so that the department and the person are one index lookup. Nothing (a false condition) for an administrator.
     */
    public static Condition outsideDepartments(Actor actor, List<UUID> otherDepartments) {
        if (actor.admin()) {
            return new Condition("false", List.of());
        }
        List<Condition> parts = parts(actor, false, otherDepartments, false);
        List<Object> params = new ArrayList<>();
        parts.forEach(part -> params.addAll(part.params()));
        String sql = parts.stream().map(Condition::sql).collect(Collectors.joining(" or "));
        return new Condition(parts.isEmpty() ? "false" : "(" + sql + ")", params);
    }

    private static List<Condition> parts(
            Actor actor, boolean departmentEach, List<UUID> otherDepartments, boolean withDepartments) {
        if (actor.admin()) {
            return List.of(new Condition("true", List.of()));
        }
        List<Condition> parts = new ArrayList<>();
        List<Grant> before = new ArrayList<>();
        for (Grant grant : grants(actor)) {
            boolean department = grant.column() == Column.DEPARTMENT;
            List<Grant> each = department && departmentEach
                    ? grant.values().stream()
                            .map(value -> new Grant(grant.column(), List.of(value), grant.works()))
                            .toList()
                    : List.of(grant);
            for (Grant part : each) {
                if (department && !withDepartments) {
                    continue;
                }
                condition(part, before, otherDepartments).ifPresent(parts::add);
            }
            before.add(grant);
        }
        return parts;
    }

    /** {@code grant}, and none of the grants {@code before}; empty when that can hold for no ticket. */
    private static java.util.Optional<Condition> condition(Grant grant, List<Grant> before, List<UUID> others) {
        List<Object> params = new ArrayList<>();
        List<String> terms = new ArrayList<>(List.of(grant.sql(params)));
        for (Grant earlier : before) {
            List<UUID> complement = earlier.column() == Column.DEPARTMENT ? others : null;
            if (complement != null && complement.isEmpty()) {
                return java.util.Optional.empty();
            }
            terms.add(earlier.negatedSql(params, complement));
        }
        return java.util.Optional.of(new Condition(String.join(" and ", terms), params));
    }

    private static List<UUID> sorted(java.util.Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).sorted().toList();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
