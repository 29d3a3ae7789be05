package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Server-side timings of the SQL the service runs for lists, detail, search and the dashboard, on a generated data
 * set (docs/scale.md): each operation runs through the real query code with varied parameters, every statement it
 * issues is executed with {@code EXPLAIN (ANALYZE, TIMING OFF)}, and an operation's time is the sum of its
 * statements' planning and execution times as PostgreSQL reports them. Prints p50/p95/p99/max per operation.
 *
 * <p>Run with {@code bench/measure.sh [--database echamado_scale] [--runs 200] [--only agent]}.
 */
final class ScaleBenchmark {

    private static final String[] TERMS = {
        "impressora",
        "impressora não imprime",
        "senha expirada",
        "vpn sem conexão",
        "outlook travando",
        "certificado recusado",
        "monitor",
        "tela azul",
        "\"sistema de ponto\"",
        "catraca -crachá",
        "backup falhas",
        "PAT-48213",
        "erro 0x1F2A",
        "reinstalei aplicativo",
        "licença office",
        "folha de pagamento lenta",
        "notebook reiniciando",
        "recepção telefone",
        "scanner almoxarifado",
        "webcam sem som"
    };

    private final JdbcTemplate plain;
    private final RecordingJdbcTemplate recording;
    private final TicketQueries queries;
    private final TicketDashboard dashboard;
    private final Random random = new Random(42);
    private final List<Actor> admins = new ArrayList<>();
    private final List<Actor> agents = new ArrayList<>();
    private final List<Actor> requesters = new ArrayList<>();
    private final long minNumber;
    private final long maxNumber;
    private int slowest;

    private ScaleBenchmark(String url) throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, ScaleData.USER, "");
        plain = new JdbcTemplate(dataSource);
        recording = new RecordingJdbcTemplate(dataSource);
        queries = new TicketQueries(recording, Clock.systemUTC());
        dashboard = new TicketDashboard(
                recording,
                queries,
                () -> new JdbcTemplate(dataSource)
                        .queryForList("select id from catalog_entry where kind = 'DEPARTMENT'", UUID.class),
                Clock.systemUTC());
        for (UUID id : plain.queryForList("select user_id from app_user_role where role = 'ADMIN'", UUID.class)) {
            admins.add(new Actor(id, true, false, Set.of()));
        }
        for (UUID id : plain.queryForList(
                "select user_id from app_user_role where role = 'SUPPORT' order by user_id limit 50", UUID.class)) {
            agents.add(new Actor(
                    id,
                    false,
                    true,
                    new HashSet<>(plain.queryForList(
                            "select department_id from department_agent where user_id = ?", UUID.class, id))));
        }
        for (UUID id : plain.queryForList(
                "select user_id from app_user_role where role = 'USER' order by user_id limit 200", UUID.class)) {
            requesters.add(new Actor(id, false, false, Set.of()));
        }
        minNumber = plain.queryForObject("select min(number) from ticket", Long.class);
        maxNumber = plain.queryForObject("select max(number) from ticket", Long.class);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String database = options.getOrDefault("database", "echamado_scale");
        int runs = Integer.parseInt(options.getOrDefault("runs", "200"));
        String only = options.getOrDefault("only", "");
        ScaleBenchmark bench = new ScaleBenchmark(ScaleData.HOST + database);
        bench.slowest = Integer.parseInt(options.getOrDefault("slowest", "0"));
        System.out.println("database " + database + ": " + ScaleData.marker(ScaleData.HOST + database));
        System.out.println("| operation | statements | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        bench.run(runs, only);
    }

    /** Runs the operations whose name contains {@code only} (all when empty). */
    private void run(int runs, String only) {
        Map<String, Supplier<Runnable>> operations = new LinkedHashMap<>();
        for (String who : List.of("admin", "agent", "requester")) {
            operations.put("list, first page, " + who, () -> {
                Actor actor = pick(who);
                return () -> queries.list(actor, query(null, null));
            });
            operations.put("list, cursor page, " + who, () -> {
                Actor actor = pick(who);
                String cursor = cursorInside(actor);
                return () -> queries.list(actor, query(null, cursor));
            });
            operations.put("list, typed filter, " + who, () -> {
                Actor actor = pick(who);
                TicketQueryPlanTests.Q q = filtered();
                return () -> queries.list(actor, q.build());
            });
            if (!who.equals("requester")) {
                // the list views docs/scale.md, "Pages", found slow, as the web list asks for them (20 a page)
                view(operations, "closed by priority", who, q -> {
                    q.closed = true;
                    q.orderBy = "priority desc";
                });
                view(operations, "deep page", who, q -> q.page = 500);
                view(operations, "overdue", who, q -> {
                    q.closed = false;
                    q.overdue = true;
                });
                view(operations, "in progress", who, q -> {
                    q.closed = false;
                    q.statuses = List.of(UUID.fromString(TicketFixtures.IN_PROGRESS));
                });
                view(operations, "unassigned", who, q -> {
                    q.closed = false;
                    q.unassigned = true;
                });
            }
            operations.put("search, " + who, () -> {
                Actor actor = pick(who);
                String term = TERMS[random.nextInt(TERMS.length)];
                return () -> queries.list(actor, query(term, null));
            });
            operations.put("dashboard, " + who, () -> {
                Actor actor = pick(who);
                return () -> dashboard.of(actor);
            });
        }
        for (Map.Entry<String, Supplier<Runnable>> operation : operations.entrySet()) {
            if (operation.getKey().contains(only)) {
                measure(operation.getKey(), runs, operation.getValue());
            }
        }
        if ("detail".contains(only)) {
            measureDetail(runs);
        }
    }

    private void measure(String name, int runs, Supplier<Runnable> next) {
        for (int i = 0; i < 5; i++) { // warm-up
            time(recording.record(next.get()));
        }
        List<Double> times = new ArrayList<>();
        Map<Double, List<RecordingJdbcTemplate.Statement>> runsByTime = new java.util.TreeMap<>();
        int statements = 0;
        for (int i = 0; i < runs; i++) {
            List<RecordingJdbcTemplate.Statement> issued = recording.record(next.get());
            statements = issued.size();
            double time = time(issued);
            times.add(time);
            runsByTime.put(time, issued);
        }
        report(name, statements, times);
        // --slowest n: the statements of the n slowest runs, to find the query shape behind a p95
        List<Map.Entry<Double, List<RecordingJdbcTemplate.Statement>>> slow = new ArrayList<>(runsByTime.entrySet());
        for (int i = slow.size() - 1; i >= Math.max(0, slow.size() - slowest); i--) {
            System.err.printf("%n%s, %.2f ms:%n", name, slow.get(i).getKey());
            slow.get(i).getValue().forEach(statement -> System.err.println("  " + statement));
        }
    }

    private void measureDetail(int runs) {
        String ticket = TicketQueryPlanTests.TICKET_BY;
        String comments = TicketQueryPlanTests.COMMENTS_OF;
        List<Double> byId = new ArrayList<>();
        List<Double> byNumber = new ArrayList<>();
        List<Double> withComments = new ArrayList<>();
        for (int i = 0; i < runs + 5; i++) {
            long number = minNumber + (long) (random.nextDouble() * (maxNumber - minNumber + 1));
            UUID id = plain.queryForObject("select id from ticket where number = ?", UUID.class, number);
            double one = time(List.of(new RecordingJdbcTemplate.Statement(ticket + "t.id = ?", List.of(id))));
            double two = time(List.of(new RecordingJdbcTemplate.Statement(ticket + "t.number = ?", List.of(number))));
            double three = time(List.of(new RecordingJdbcTemplate.Statement(comments, List.of(id))));
            if (i >= 5) {
                byId.add(one);
                byNumber.add(two);
                withComments.add(one + three);
            }
        }
        report("detail by id", 1, byId);
        report("detail by number", 1, byNumber);
        report("detail by id + its comments", 2, withComments);
    }

    /** Planning plus execution time, in milliseconds, of the statements as PostgreSQL measures them. */
    private double time(List<RecordingJdbcTemplate.Statement> statements) {
        double total = 0;
        for (RecordingJdbcTemplate.Statement statement : statements) {
            String json = plain.queryForObject(
                    "explain (analyze, timing off, format json) " + statement.sql(),
                    String.class,
                    statement.params().toArray());
            JsonNode plan = new ObjectMapper().readTree(json).get(0);
            total += plan.path("Planning Time").asDouble()
                    + plan.path("Execution Time").asDouble();
        }
        return total;
    }

    /** Percentiles from an HdrHistogram of the times in microseconds (three significant digits). */
    private static void report(String name, int statements, List<Double> times) {
        Histogram histogram = new Histogram(3);
        times.forEach(ms -> histogram.recordValue(Math.max(0, Math.round(ms * 1000))));
        System.out.printf(
                "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n",
                name,
                statements,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }

    private void view(
            Map<String, Supplier<Runnable>> operations,
            String name,
            String who,
            java.util.function.Consumer<TicketQueryPlanTests.Q> shape) {
        operations.put("list view, " + name + ", " + who, () -> {
            Actor actor = pick(who);
            TicketQueryPlanTests.Q q = new TicketQueryPlanTests.Q();
            q.size = 20;
            shape.accept(q);
            return () -> queries.list(actor, q.build());
        });
    }

    private Actor pick(String who) {
        List<Actor> from = switch (who) {
            case "admin" -> admins;
            case "agent" -> agents;
            default -> requesters;
        };
        return from.get(random.nextInt(from.size()));
    }

    private String cursorInside(Actor actor) {
        // A position somewhere in the actor's list: the cursor of a page deep down.
        List<Map<String, Object>> rows = plain.queryForList(
                "select opened_at, id from ticket t where t.number >= ? and (? or t.requester_id = ?)"
                        + " order by t.number limit 1",
                minNumber + (long) (random.nextDouble() * (maxNumber - minNumber)),
                actor.isStaff(),
                actor.id());
        if (rows.isEmpty()) { // nothing of theirs past that point: the first page
            return null;
        }
        Map<String, Object> row = rows.get(0);
        return TicketQueries.encodeCursor(
                ((java.sql.Timestamp) row.get("opened_at")).toInstant(), (UUID) row.get("id"));
    }

    private TicketQuery query(String q, String cursor) {
        TicketQueryPlanTests.Q query = new TicketQueryPlanTests.Q();
        query.q = q;
        query.cursor = cursor;
        return query.build();
    }

    private TicketQueryPlanTests.Q filtered() {
        TicketQueryPlanTests.Q q = new TicketQueryPlanTests.Q();
        switch (random.nextInt(7)) {
            case 0 -> q.statuses = List.of(UUID.fromString(TicketFixtures.OPEN));
            case 1 -> q.priority = Priority.values()[random.nextInt(4)];
            case 2 -> q.closed = false;
            case 3 -> q.overdue = true;
            case 4 -> q.unassigned = true;
            case 5 -> q.categoryId = UUID.fromString(TicketFixtures.HARDWARE);
            default -> q.filter = "priority=URGENT,closed=false";
        }
        return q;
    }
}
