package com.echamado.tools.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the workload works on, read once from the data set before the load: agents and their departments, a random
 * sample of tickets (viewed, commented on by their requesters or agents), and recent open tickets handed out one at a
 * time to the transition and assign operations (so the generator's own workers never race for a ticket's ETag).
 */
final class Fixtures {

    static final UUID OPEN = UUID.fromString("00000000-0000-4000-8000-000000000101");
    static final UUID IN_PROGRESS = UUID.fromString("00000000-0000-4000-8000-000000000102");
    static final UUID WAITING = UUID.fromString("00000000-0000-4000-8000-000000000103");

    record Ticket(UUID id, long number, UUID department, UUID requester) {}

    /** A ticket lent to one change at a time, with the ETag and status the generator last saw. */
    static final class Workable {
        final UUID id;
        final UUID department;
        volatile String etag;
        volatile UUID status;

        Workable(UUID id, UUID department, long version, UUID status) {
            this.id = id;
            this.department = department;
            this.etag = "\"" + version + "\"";
            this.status = status;
        }
    }

    final Map<UUID, List<UUID>> agentsByDepartment = new HashMap<>();
    final Map<UUID, List<UUID>> departmentsByAgent = new HashMap<>();
    final List<UUID> agents = new ArrayList<>();
    final List<UUID> admins = new ArrayList<>();
    final Map<UUID, List<String>> roles = new HashMap<>();
    final List<Ticket> sample = new ArrayList<>();
    final List<Ticket> openSample = new ArrayList<>();
    final List<UUID> requesters = new ArrayList<>();
    final ConcurrentLinkedQueue<Workable> workable = new ConcurrentLinkedQueue<>();
    long ticketCount;
    long maxNumber;

    static Fixtures load(String jdbcUrl, int sampleSize, int workableSize) throws Exception {
        Fixtures f = new Fixtures();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select da.user_id, da.department_id from department_agent da join app_user u on u.id = da.user_id"
                            + " join app_user_role r on r.user_id = u.id and r.role = 'SUPPORT' where u.enabled")) {
                while (rs.next()) {
                    UUID agent = rs.getObject(1, UUID.class);
                    UUID dept = rs.getObject(2, UUID.class);
                    f.agentsByDepartment
                            .computeIfAbsent(dept, d -> new ArrayList<>())
                            .add(agent);
                    f.departmentsByAgent
                            .computeIfAbsent(agent, a -> new ArrayList<>())
                            .add(dept);
                }
            }
            f.agents.addAll(f.departmentsByAgent.keySet());
            try (ResultSet rs = st.executeQuery("select user_id, role from app_user_role order by user_id, role")) {
                while (rs.next()) {
                    f.roles
                            .computeIfAbsent(rs.getObject(1, UUID.class), u -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'ADMIN'"
                            + " where u.enabled")) {
                while (rs.next()) {
                    f.admins.add(rs.getObject(1, UUID.class));
                }
            }
            try (ResultSet rs = st.executeQuery("select reltuples::bigint from pg_class where relname = 'ticket'")) {
                rs.next();
                f.ticketCount = Math.max(1, rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("select coalesce(max(number), 0) from ticket")) {
                rs.next();
                f.maxNumber = rs.getLong(1);
            }
            double percent = Math.min(100.0, 100.0 * sampleSize / f.ticketCount);
            try (ResultSet rs = st.executeQuery("select id, number, department_id, requester_id, is_closed from ticket"
                    + " tablesample bernoulli(" + percent + ") repeatable (7)")) {
                while (rs.next()) {
                    Ticket t = new Ticket(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class));
                    if (f.agentsByDepartment.containsKey(t.department())) {
                        f.sample.add(t);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select id, number, department_id, requester_id, version, status_id"
                    + " from ticket where not is_closed order by opened_at desc, id desc limit "
                    + (2 * workableSize))) {
                int i = 0;
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID dept = rs.getObject(3, UUID.class);
                    UUID status = rs.getObject(6, UUID.class);
                    if (!f.agentsByDepartment.containsKey(dept)) {
                        continue;
                    }
                    boolean changeable = status.equals(OPEN) || status.equals(IN_PROGRESS) || status.equals(WAITING);
                    if (i++ % 2 == 0 && changeable) {
                        f.workable.add(new Workable(id, dept, rs.getLong(5), status));
                    } else {
                        f.openSample.add(new Ticket(id, rs.getLong(2), dept, rs.getObject(4, UUID.class)));
                    }
                }
            }
        }
        f.sample.forEach(t -> f.requesters.add(t.requester()));
        if (f.agents.isEmpty() || f.sample.isEmpty() || f.openSample.isEmpty() || f.requesters.isEmpty()) {
            throw new IllegalStateException("the data set has no agents, tickets or open tickets to work on");
        }
        return f;
    }

    static <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }
}
