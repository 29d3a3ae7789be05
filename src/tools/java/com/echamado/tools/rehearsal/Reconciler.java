package com.echamado.tools.rehearsal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a ledger against the database and appends one row to the results file.
 *
 * <ul>
 *   <li><b>lost</b>: a ticket the API acknowledged (201) that is not in the database;
 *   <li><b>duplicated</b>: a logical ticket (one title, one client intent, one key and its retries) stored more than
 *       once, or answered with two different ticket ids;
 *   <li><b>failed</b>: attempts without an HTTP answer, with a 5xx or a 429;
 *   <li><b>unfinished</b>: logical tickets never acknowledged despite the client's retries;
 *   <li>storm ledgers: <b>lost updates</b> = pairs where both conflicting PATCHes got 200, or a ticket whose final title
 *       is not its last winner's.
 * </ul>
 *
 * <p>Optional checks: {@code restoredUrl} + {@code snapshotMs} (every ticket acknowledged before the dump began is in
 * the restored database, with the same checksum of its immutable columns); {@code events=true} (when the outbox
 * tables exist: every publication completed, each event consumed once).
 */
public final class Reconciler {

    private final Map<String, String> args;
    private final List<String> problems = new ArrayList<>();

    private Reconciler(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        System.exit(new Reconciler(args).run());
    }

    private int run() throws Exception {
        List<Ledger.Entry> ledger = Ledger.read(Path.of(args.get("ledger")));
        String tag = args.get("tag");
        int requests = ledger.size();
        int failed = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        for (Ledger.Entry e : ledger) {
            statuses.merge(e.status(), 1, Integer::sum);
            latencies.add(e.latencyMs());
            if (e.failed()) {
                failed++;
            }
        }
        latencies.sort(null);
        long p95 = latencies.isEmpty() ? 0 : latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);

        // Logical creates: every attempt (and resend) of one title.
        Map<String, Set<String>> answeredIds = new LinkedHashMap<>();
        Set<String> intents = new HashSet<>();
        for (Ledger.Entry e : ledger) {
            if (e.op().equals("CREATE") || e.op().equals("RESEND")) {
                intents.add(e.logical());
                if ((e.status() == 201 || e.status() == 200) && e.ticketId() != null) {
                    answeredIds
                            .computeIfAbsent(e.logical(), k -> new HashSet<>())
                            .add(e.ticketId());
                }
            }
        }
        int lost = 0;
        int duplicated = 0;
        int unfinished = intents.size() - answeredIds.size();
        int lostUpdates = 0;
        try (Connection db = connect(args.get("url"))) {
            Map<String, Integer> stored = new HashMap<>();
            Set<String> storedIds = new HashSet<>();
            try (PreparedStatement q = db.prepareStatement("select id::text, title from ticket where title like ?")) {
                q.setString(1, tag + "-%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        storedIds.add(rs.getString(1));
                        stored.merge(rs.getString(2), 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, Set<String>> a : answeredIds.entrySet()) {
                for (String id : a.getValue()) {
                    if (!storedIds.contains(id)) {
                        lost++;
                        problem("acknowledged ticket " + id + " (" + a.getKey() + ") is not in the database");
                    }
                }
                if (a.getValue().size() > 1) {
                    duplicated += a.getValue().size() - 1;
                    problem(a.getKey() + " was answered with " + a.getValue().size() + " different tickets");
                }
            }
            for (Map.Entry<String, Integer> s : stored.entrySet()) {
                if (s.getValue() > 1
                        && answeredIds.getOrDefault(s.getKey(), Set.of()).size() <= 1) {
                    duplicated += s.getValue() - 1;
                    problem(s.getKey() + " is stored " + s.getValue() + " times");
                }
            }
            lostUpdates = storm(ledger, db);
            if (args.containsKey("restoredUrl")) {
                lost += backup(ledger, db);
            }
            if (Boolean.parseBoolean(args.getOrDefault("events", "false"))) {
                events(db, tag);
            }
        }

        int maxFailed = Integer.parseInt(args.getOrDefault("maxFailed", "0"));
        int maxUnfinished = Integer.parseInt(args.getOrDefault("maxUnfinished", "0"));
        long maxP95 = Long.parseLong(args.getOrDefault("maxP95", "1000"));
        if (failed > maxFailed) {
            problem(failed + " failed requests (allowed " + maxFailed + ")");
        }
        if (unfinished > maxUnfinished) {
            problem(unfinished + " tickets never acknowledged despite retries (allowed " + maxUnfinished + ")");
        }
        if (p95 > maxP95) {
            problem("p95 " + p95 + " ms above " + maxP95 + " ms");
        }
        if (lostUpdates > 0) {
            problem(lostUpdates + " lost updates");
        }
        if (requests == 0) {
            problem("the ledger is empty");
        }
        for (String extra : args.getOrDefault("extraProblems", "").split(";")) {
            if (!extra.isBlank()) {
                problem(extra.trim());
            }
        }
        boolean pass = problems.isEmpty();
        String verdict = pass ? "PASS" : "FAIL";
        StringBuilder codes = new StringBuilder();
        statuses.forEach((k, v) ->
                codes.append(codes.isEmpty() ? "" : " ").append(k).append('×').append(v));
        String row = String.join(
                "\t",
                args.get("scenario"),
                args.getOrDefault("control", "protected"),
                Integer.toString(requests),
                Integer.toString(failed),
                Integer.toString(lost + lostUpdates),
                Integer.toString(duplicated),
                Integer.toString(unfinished),
                Long.toString(p95),
                verdict,
                codes
                        + (problems.isEmpty()
                                ? ""
                                : " | " + String.join("; ", problems.subList(0, Math.min(3, problems.size())))));
        Files.writeString(
                Path.of(args.get("results")),
                row + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println(row);
        problems.forEach(p -> System.out.println("  - " + p));
        return pass ? 0 : 1;
    }

    /** Lost updates in a storm ledger. */
    private int storm(List<Ledger.Entry> ledger, Connection db) throws SQLException {
        Map<String, List<Ledger.Entry>> pairs = new TreeMap<>();
        for (Ledger.Entry e : ledger) {
            if (e.op().equals("STORM")) {
                pairs.computeIfAbsent(e.logical(), k -> new ArrayList<>()).add(e);
            }
        }
        int lostUpdates = 0;
        Map<String, Ledger.Entry> lastWinner = new HashMap<>();
        for (Map.Entry<String, List<Ledger.Entry>> pair : pairs.entrySet()) {
            List<Ledger.Entry> winners =
                    pair.getValue().stream().filter(e -> e.status() == 200).toList();
            if (winners.size() > 1) {
                lostUpdates++;
                problem("pair " + pair.getKey() + ": both writes succeeded");
            }
            String ticket = pair.getKey().substring(0, pair.getKey().indexOf('/'));
            for (Ledger.Entry w : winners) {
                Ledger.Entry previous = lastWinner.get(ticket);
                if (previous == null || w.endMs() >= previous.endMs()) {
                    lastWinner.put(ticket, w);
                }
            }
        }
        for (Map.Entry<String, Ledger.Entry> w : lastWinner.entrySet()) {
            try (PreparedStatement q = db.prepareStatement("select title from ticket where id = ?::uuid")) {
                q.setString(1, w.getKey());
                try (ResultSet rs = q.executeQuery()) {
                    String title = rs.next() ? rs.getString(1) : null;
                    if (!w.getValue().note().equals(title)) {
                        lostUpdates++;
                        problem("ticket " + w.getKey() + " has title '" + title + "', last acknowledged '"
                                + w.getValue().note() + "'");
                    }
                }
            }
        }
        return lostUpdates;
    }

    /** Tickets acknowledged before the dump began that are missing or different in the restored database. */
    private int backup(List<Ledger.Entry> ledger, Connection source) throws SQLException {
        long snapshot = Long.parseLong(args.get("snapshotMs"));
        Set<String> before = new HashSet<>();
        for (Ledger.Entry e : ledger) {
            if (e.op().equals("CREATE") && e.status() == 201 && e.endMs() < snapshot) {
                before.add(e.ticketId());
            }
        }
        int missing = 0;
        String checksum =
                "select count(*), coalesce(md5(string_agg(id::text || '|' || number || '|' || description || '|'"
                        + " || requester_id || '|' || opened_at, ',' order by id)), '') from ticket where id = any(?::uuid[])";
        try (Connection restored = connect(args.get("restoredUrl"))) {
            Set<String> present = new HashSet<>();
            try (PreparedStatement q = restored.prepareStatement("select id::text from ticket")) {
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
            }
            for (String id : before) {
                if (!present.contains(id)) {
                    missing++;
                }
            }
            if (missing > 0) {
                problem(missing + " of " + before.size() + " tickets acknowledged before the dump are not restored");
            }
            List<String> common = before.stream().filter(present::contains).toList();
            String a = one(source, checksum, common);
            String b = one(restored, checksum, common);
            if (!a.equals(b)) {
                problem("checksums differ: source " + a + ", restored " + b);
            }
            String seq = one(
                    restored,
                    "select (select last_value from ticket_number_seq) >= coalesce(max(number), 0)" + " from ticket",
                    null);
            if (!"t".equals(seq) && !"true".equals(seq)) {
                problem("ticket_number_seq is behind max(number) in the restored database");
            }
            String flywaySql = "select string_agg(version || ':' || checksum, ',' order by installed_rank)"
                    + " from flyway_schema_history where success";
            if (!one(source, flywaySql, null).equals(one(restored, flywaySql, null))) {
                problem("flyway_schema_history differs");
            }
            System.out.println("  backup: " + before.size() + " acknowledged before the dump, " + common.size()
                    + " restored, checksum " + b);
        }
        return missing;
    }

    /** Outbox and inbox, when the events module is present. */
    private void events(Connection db, String tag) throws SQLException {
        if (!"t".equals(one(db, "select to_regclass('event_publication') is not null", null))) {
            System.out.println("  events: no event_publication table on this build; not checked");
            return;
        }
        String incomplete = one(db, "select count(*) from event_publication where completion_date is null", null);
        if (!"0".equals(incomplete)) {
            problem(incomplete + " event publications not completed");
        }
        if ("t".equals(one(db, "select to_regclass('event_inbox') is not null", null))) {
            String dup = one(
                    db,
                    "select count(*) from (select 1 from event_inbox group by event_id, consumer having count(*) > 1) d",
                    null);
            if (!"0".equals(dup)) {
                problem(dup + " events consumed more than once");
            }
        }
    }

    private static String one(Connection db, String sql, List<String> ids) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (ids != null) {
                q.setArray(1, db.createArrayOf("text", ids.toArray()));
            }
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? "/" : "").append(rs.getString(i));
                }
                return out.toString();
            }
        }
    }

    private void problem(String text) {
        problems.add(text);
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }
}
