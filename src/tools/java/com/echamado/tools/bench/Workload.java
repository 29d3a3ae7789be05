package com.echamado.tools.bench;

import com.echamado.tools.bench.Fixtures.Ticket;
import com.echamado.tools.bench.Fixtures.Workable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations and their mix, modelled on the service-desk mix of Atlassian's Data Center performance toolkit
 * (agents view requests and queues, search, look at reports, comment and work requests; customers open, view and
 * comment on their own requests). Each call to {@link #next()} is one HTTP request.
 */
final class Workload {

    /** One request and what to do with its answer (keep a cursor, an ETag, give a ticket back). */
    record Call(String op, HttpRequest request, Consumer<HttpResponse<String>> after) {}

    private record Weighted(String op, int weight, Supplier<Call> call) {}

    private record Cursor(String bearer, String query, String cursor, int depth) {}

    static final List<String> MIX_NAMES = List.of("mix", "live", "create", "list");

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TYPE = "00000000-0000-4000-8000-000000000301";
    private static final String[][] CATEGORY_SUB = {
        {"00000000-0000-4000-8000-000000000401", "00000000-0000-4000-8000-000000000501"},
        {"00000000-0000-4000-8000-000000000401", "00000000-0000-4000-8000-000000000502"},
        {"00000000-0000-4000-8000-000000000402", "00000000-0000-4000-8000-000000000503"},
        {"00000000-0000-4000-8000-000000000402", "00000000-0000-4000-8000-000000000504"}
    };
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "NORMAL", "HIGH", "URGENT"};
    private static final String[] TERMS = {
        "impressora",
        "notebook travando",
        "monitor",
        "teclado",
        "sem conexão",
        "mensagem de erro",
        "telefone ip",
        "senha",
        "muito lento",
        "vpn",
        "e-mail",
        "impressora não imprime",
        "sistema"
    };
    private static final int MAX_CURSORS = 5_000;
    private static final int MAX_WORKABLE = 20_000;

    private final String baseUrl;
    private final Fixtures data;
    private final Bearers tokens;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Weighted> mix = new ArrayList<>();
    private final int totalWeight;
    private final ConcurrentLinkedQueue<Cursor> cursors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger cursorCount = new AtomicInteger();
    private final AtomicInteger workableCount;
    private final Duration timeout;

    Workload(String name, String baseUrl, Fixtures data, Bearers tokens, Duration timeout) {
        this.baseUrl = baseUrl;
        this.data = data;
        this.tokens = tokens;
        this.timeout = timeout;
        this.workableCount = new AtomicInteger(data.workable.size());
        switch (name) {
            case "mix" -> {
                mix.add(new Weighted("view_ticket", 25, this::viewTicket));
                mix.add(new Weighted("list_first_page", 15, this::listFirstPage));
                mix.add(new Weighted("list_deep_page", 10, this::listDeepPage));
                mix.add(new Weighted("search", 10, this::search));
                mix.add(new Weighted("dashboard", 5, this::dashboard));
                mix.add(new Weighted("add_comment", 15, this::addComment));
                mix.add(new Weighted("create_ticket", 10, this::createTicket));
                mix.add(new Weighted("transition", 5, this::transition));
                mix.add(new Weighted("assign", 5, this::assign));
            }
            case "live" -> mix.add(new Weighted("health_live", 1, this::live));
            case "create" -> mix.add(new Weighted("create_ticket", 1, this::createTicket));
            case "list" -> mix.add(new Weighted("list_open_queue", 1, this::listOpenQueue));
            default -> throw new IllegalArgumentException("unknown mix " + name);
        }
        this.totalWeight = mix.stream().mapToInt(Weighted::weight).sum();
    }

    /** The mix as "operation weight%" pairs, for the report. */
    List<String> describe() {
        return mix.stream()
                .map(w -> w.op() + " " + (100 * w.weight() / totalWeight) + "%")
                .toList();
    }

    Call next() {
        int r = ThreadLocalRandom.current().nextInt(totalWeight);
        for (Weighted w : mix) {
            r -= w.weight();
            if (r < 0) {
                return w.call().get();
            }
        }
        throw new IllegalStateException();
    }

    private static ThreadLocalRandom rnd() {
        return ThreadLocalRandom.current();
    }

    private String agent(UUID department) {
        UUID agent = Fixtures.any(data.agentsByDepartment.get(department));
        return tokens.bearer(agent);
    }

    private String requester(UUID id) {
        return tokens.bearer(id);
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", bearer)
                .header("Accept", "application/json");
    }

    private Call get(String op, String path, String bearer, Consumer<HttpResponse<String>> after) {
        return new Call(op, request(path, bearer).GET().build(), after);
    }

    private Call post(
            String op,
            String path,
            String bearer,
            String body,
            String header,
            String value,
            Consumer<HttpResponse<String>> after) {
        HttpRequest.Builder b = request(path, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (header != null) {
            b.header(header, value);
        }
        return new Call(op, b.build(), after);
    }

    private Call live() {
        return new Call(
                "health_live",
                HttpRequest.newBuilder(URI.create(baseUrl + "/health/live"))
                        .timeout(timeout)
                        .GET()
                        .build(),
                r -> {});
    }

    private Call viewTicket() {
        Ticket t = Fixtures.any(data.sample);
        String bearer = rnd().nextInt(10) < 7 ? agent(t.department()) : requester(t.requester());
        String path = rnd().nextInt(10) == 0 ? "/api/v1/tickets/number/" + t.number() : "/api/v1/tickets/" + t.id();
        return get("view_ticket", path, bearer, r -> {});
    }

    private Call listFirstPage() {
        ThreadLocalRandom r = rnd();
        String bearer;
        String query;
        if (r.nextInt(10) < 2) {
            bearer = requester(Fixtures.any(data.requesters));
            query = "size=20";
        } else {
            UUID agent = Fixtures.any(data.agents);
            UUID dept = Fixtures.any(data.departmentsByAgent.get(agent));
            bearer = tokens.bearer(agent);
            query = switch (r.nextInt(8)) {
                case 0 -> "size=25";
                case 1 -> "size=25&status=" + Fixtures.OPEN;
                case 2 -> "size=25&department=" + dept + "&unassigned=true&closed=false";
                case 3 -> "size=25&assignee=" + agent;
                case 4 -> "size=25&overdue=true";
                case 5 -> "size=25&priority=" + PRIORITIES[r.nextInt(PRIORITIES.length)] + "&closed=false";
                case 6 -> "size=25&department=" + dept + "&closed=true";
                default -> "size=25&filter=" + encode("closed=false") + "&orderBy=" + encode("priority desc");
            };
        }
        String q = query;
        return get("list_first_page", "/api/v1/tickets?" + q, bearer, resp -> keepCursor(bearer, q, resp, 0));
    }

    /** An agent's open queue: the request whose SQL bench/pgbench/list_open_queue.sql runs. */
    private Call listOpenQueue() {
        UUID agent = Fixtures.any(data.agents);
        return get(
                "list_open_queue", "/api/v1/tickets?size=25&status=" + Fixtures.OPEN, tokens.bearer(agent), resp -> {});
    }

    private Call listDeepPage() {
        Cursor c = cursors.poll();
        if (c == null) {
            return listFirstPage();
        }
        cursorCount.decrementAndGet();
        return get(
                "list_deep_page",
                "/api/v1/tickets?" + c.query() + "&cursor=" + encode(c.cursor()),
                c.bearer(),
                resp -> keepCursor(c.bearer(), c.query(), resp, c.depth() + 1));
    }

    private void keepCursor(String bearer, String query, HttpResponse<String> resp, int depth) {
        if (resp.statusCode() != 200 || depth >= 20 || cursorCount.get() >= MAX_CURSORS) {
            return;
        }
        Matcher m = NEXT_CURSOR.matcher(resp.body());
        if (m.find()) {
            cursors.add(new Cursor(bearer, query, m.group(1), depth));
            cursorCount.incrementAndGet();
        }
    }

    private Call search() {
        ThreadLocalRandom r = rnd();
        String term = switch (r.nextInt(10)) {
            case 0 -> "PAT-" + (10000 + r.nextInt(90000));
            case 1 -> "#" + (1000 + r.nextLong(Math.max(1, data.maxNumber - 1000)));
            default -> TERMS[r.nextInt(TERMS.length)];
        };
        String bearer;
        if (r.nextInt(10) < 7) {
            bearer = tokens.bearer(Fixtures.any(data.agents));
        } else {
            bearer = requester(Fixtures.any(data.requesters));
        }
        return get("search", "/api/v1/tickets?size=20&q=" + encode(term), bearer, resp -> {});
    }

    private Call dashboard() {
        String bearer = rnd().nextInt(10) < 8
                ? tokens.bearer(Fixtures.any(data.agents))
                : requester(Fixtures.any(data.requesters));
        return get("dashboard", "/api/v1/dashboard", bearer, resp -> {});
    }

    private Call addComment() {
        ThreadLocalRandom r = rnd();
        Ticket t = Fixtures.any(data.openSample);
        int who = r.nextInt(10);
        String bearer = who < 7 ? agent(t.department()) : requester(t.requester());
        boolean internal = who == 6;
        String body = "{\"body\":\"" + (internal ? "Nota interna: verificar o equipamento " : "Boa tarde, ")
                + "seguimos acompanhando o chamado, ref. " + r.nextInt(1_000_000) + ".\",\"internal\":" + internal
                + "}";
        return post(
                "add_comment",
                "/api/v1/tickets/" + t.id() + "/comments",
                bearer,
                body,
                "Idempotency-Key",
                "bench-" + UUID.randomUUID(),
                resp -> {});
    }

    private Call createTicket() {
        ThreadLocalRandom r = rnd();
        UUID requester = Fixtures.any(data.requesters);
        UUID dept = Fixtures.any(new ArrayList<>(data.agentsByDepartment.keySet()));
        String[] cs = CATEGORY_SUB[r.nextInt(CATEGORY_SUB.length)];
        String body = "{\"title\":\"Impressora do setor " + r.nextInt(1000) + " não imprime\","
                + "\"description\":\"Desde ontem aparece uma mensagem de erro ao imprimir. Patrimônio PAT-"
                + (10000 + r.nextInt(90000)) + ".\",\"typeId\":\"" + TYPE + "\",\"categoryId\":\"" + cs[0]
                + "\",\"subcategoryId\":\"" + cs[1] + "\",\"departmentId\":\"" + dept + "\",\"priority\":\""
                + PRIORITIES[r.nextInt(PRIORITIES.length)] + "\"}";
        return post(
                "create_ticket",
                "/api/v1/tickets",
                requester(requester),
                body,
                "Idempotency-Key",
                "bench-" + UUID.randomUUID(),
                resp -> {
                    if (resp.statusCode() == 201 && workableCount.get() < MAX_WORKABLE) {
                        JsonNode view = json.readTree(resp.body());
                        data.workable.add(new Fixtures.Workable(
                                UUID.fromString(view.get("id").asString()),
                                dept,
                                view.get("version").asLong(),
                                Fixtures.OPEN));
                        workableCount.incrementAndGet();
                    }
                });
    }

    private Call transition() {
        Workable w = data.workable.poll();
        if (w == null) {
            return viewTicket();
        }
        workableCount.decrementAndGet();
        UUID next = Fixtures.IN_PROGRESS.equals(w.status) ? Fixtures.WAITING : Fixtures.IN_PROGRESS;
        return post(
                "transition",
                "/api/v1/tickets/" + w.id + "/transition",
                agent(w.department),
                "{\"statusId\":\"" + next + "\"}",
                "If-Match",
                w.etag,
                resp -> giveBack(w, resp, next));
    }

    private Call assign() {
        Workable w = data.workable.poll();
        if (w == null) {
            return viewTicket();
        }
        workableCount.decrementAndGet();
        UUID assignee = Fixtures.any(data.agentsByDepartment.get(w.department));
        return post(
                "assign",
                "/api/v1/tickets/" + w.id + "/assign",
                agent(w.department),
                "{\"assigneeId\":\"" + assignee + "\"}",
                "If-Match",
                w.etag,
                resp -> giveBack(w, resp, w.status));
    }

    /** A changed ticket goes back to the pool with its new ETag; one that failed is dropped. */
    private void giveBack(Workable w, HttpResponse<String> resp, UUID status) {
        String etag = resp.headers().firstValue("ETag").orElse(null);
        if (resp.statusCode() == 200 && etag != null) {
            w.etag = etag;
            w.status = status;
            data.workable.add(w);
            workableCount.incrementAndGet();
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
