package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.Services;
import com.echamado.support.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The visibility rule has one Java form (what the facade lets a caller open) and SQL forms (what lists, search and
 * the dashboard select). For every caller of a matrix and every ticket of a matrix (each department, requester and
 * assignee), PostgreSQL must select exactly the tickets the Java form lets the caller see: as one condition, as the
 * disjoint parts an agent's lists are read in (which add up to it without overlap), and, for the dashboard, outside
 * the caller's departments.
 */
@ExtendWith(Services.class)
class TicketAccessTests {

    static final UUID D1 = uuid(1), D2 = uuid(2), D3 = uuid(3);
    static final UUID ADMIN = uuid(10), AGENT = uuid(11), LONE_AGENT = uuid(12), REQUESTER = uuid(13), OTHER = uuid(14);
    static final List<UUID> DEPARTMENTS = List.of(D1, D2, D3);

    static final Map<String, Actor> CALLERS = Map.of(
            "administrator", new Actor(ADMIN, true, false, Set.of()),
            "administrator who is an agent", new Actor(AGENT, true, true, Set.of(D1)),
            "agent of two departments", new Actor(AGENT, false, true, Set.of(D1, D2)),
            "agent of one department", new Actor(AGENT, false, true, Set.of(D2)),
            "agent of no department", new Actor(LONE_AGENT, false, true, Set.of()),
            "requester", new Actor(REQUESTER, false, false, Set.of()),
            "requester who is listed in a department", new Actor(OTHER, false, false, Set.of(D1)));

    static JdbcTemplate jdbc;
    static final List<TicketAccess.Parties> TICKETS = new ArrayList<>();

    @BeforeAll
    static void everyKindOfTicket() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.fresh("access"), TestDatabase.USER, ""));
        jdbc.execute("create table ticket (id integer primary key, department_id uuid not null,"
                + " requester_id uuid not null, assignee_id uuid)");
        List<UUID> people = List.of(AGENT, LONE_AGENT, REQUESTER, OTHER);
        List<UUID> assignees = new ArrayList<>(Arrays.asList((UUID) null));
        assignees.addAll(List.of(AGENT, LONE_AGENT, OTHER));
        for (UUID department : DEPARTMENTS) {
            for (UUID requester : people) {
                for (UUID assignee : assignees) {
                    jdbc.update(
                            "insert into ticket values (?, ?, ?, ?)", TICKETS.size(), department, requester, assignee);
                    TICKETS.add(new TicketAccess.Parties(department, requester, assignee));
                }
            }
        }
    }

    @Test
    void theDatabaseSelectsTheTicketsTheJavaRuleLetsEachCallerSee() {
        CALLERS.forEach((who, actor) -> {
            assertThat(selectSet(TicketAccess.visible(actor))).as(who).isEqualTo(seenInJava(actor));
        });
    }

    @Test
    void theDisjointPartsAddUpToWhatTheCallerSeesWithoutOverlap() {
        CALLERS.forEach((who, actor) -> {
            for (boolean departmentEach : new boolean[] {false, true}) {
                List<Integer> union = new ArrayList<>();
                TicketAccess.parts(actor, departmentEach).forEach(part -> union.addAll(select(part)));
                assertThat(union)
                        .as("%s, one part a department: %s", who, departmentEach)
                        .doesNotHaveDuplicates();
                assertThat(new TreeSet<>(union))
                        .as("%s, one part a department: %s", who, departmentEach)
                        .isEqualTo(seenInJava(actor));
            }
        });
    }

    @Test
    void outsideTheirDepartmentsAnAgentSeesWhatTheyRequestedOrWereAssignedThere() {
        CALLERS.forEach((who, actor) -> {
            Set<UUID> own = actor.agent() ? actor.departments() : Set.of(); // departments count for agents only
            List<UUID> others =
                    DEPARTMENTS.stream().filter(d -> !own.contains(d)).toList();
            Set<Integer> expected = actor.admin()
                    ? Set.of()
                    : seenInJava(actor).stream()
                            .filter(i -> !own.contains(TICKETS.get(i).department()))
                            .collect(Collectors.toCollection(TreeSet::new));
            assertThat(selectSet(TicketAccess.outsideDepartments(actor, others)))
                    .as(who)
                    .isEqualTo(expected);
        });
    }

    @Test
    void whoWorksATicketIsWhoSeesItAsStaff() {
        Actor agent = CALLERS.get("agent of one department");
        for (TicketAccess.Parties ticket : TICKETS) {
            boolean staff = ticket.department().equals(D2) || AGENT.equals(ticket.assignee());
            assertThat(TicketAccess.mayWork(agent, ticket)).as("%s", ticket).isEqualTo(staff);
            assertThat(TicketAccess.maySee(agent, ticket))
                    .as("%s", ticket)
                    .isEqualTo(staff || AGENT.equals(ticket.requester()));
            assertThat(TicketAccess.mayWork(CALLERS.get("requester"), ticket)).isFalse();
            assertThat(TicketAccess.mayWork(CALLERS.get("administrator"), ticket))
                    .isTrue();
            assertThat(TicketAccess.maySee(CALLERS.get("requester who is listed in a department"), ticket))
                    .as("departments count only for agents: %s", ticket)
                    .isEqualTo(OTHER.equals(ticket.requester()));
        }
    }

    @Test
    void onlyAnAgentSeesWholeDepartmentsAndOnlyAnAdministratorSeesAll() {
        assertThat(TicketAccess.departments(CALLERS.get("agent of two departments")))
                .containsExactly(D1, D2);
        assertThat(TicketAccess.departments(CALLERS.get("requester who is listed in a department")))
                .isEmpty();
        assertThat(TicketAccess.departments(CALLERS.get("administrator"))).isEmpty();
        assertThat(TicketAccess.seesAll(CALLERS.get("administrator"))).isTrue();
        assertThat(TicketAccess.seesAll(CALLERS.get("agent of two departments")))
                .isFalse();
    }

    private static Set<Integer> seenInJava(Actor actor) {
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < TICKETS.size(); i++) {
            if (TicketAccess.maySee(actor, TICKETS.get(i))) {
                seen.add(i);
            }
        }
        return seen;
    }

    private static List<Integer> select(TicketAccess.Condition condition) {
        return jdbc.queryForList(
                "select t.id from ticket t where " + condition.sql(),
                Integer.class,
                condition.params().toArray());
    }

    private static Set<Integer> selectSet(TicketAccess.Condition condition) {
        return new HashSet<>(select(condition));
    }

    private static UUID uuid(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }
}
