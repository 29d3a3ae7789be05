package com.echamado.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for every operation of the OpenAPI document, from a seed: a plausible request built from the
 * operation's parameters and body schema, then one to three defects (wrong types, empty and oversized values, the NUL
 * character, dates beyond the year 9999, broken JSON or escapes, odd media types and methods, firewall-refused
 * paths). Ids in paths are random unless the operation is on the fuzzer's own ticket, so that nothing shared is
 * touched even by a request that turns out valid.
 */
final class MalformedRequestGenerator {

    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {}

    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " " + headers.getOrDefault("Content-Type", "") + " "
                    + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    private static final String[] KINDS = {"departments", "categories", "subcategories", "ticket-types", "statuses"};
    private static final String[] BAD_SEGMENTS = {
        "%00",
        "%zz",
        "%",
        "%C3%28",
        "%2e%2e",
        "..",
        "a;b",
        "%3B",
        "%2F",
        "%5C",
        "%20",
        "%25",
        "-1",
        "0",
        "99999999999999999999",
        "%C3%A9",
        "x".repeat(3000),
        "null",
        "%0d%0a",
        "a//b"
    };
    private static final String[] BAD_CONTENT_TYPES = {
        "*/*",
        "application/*",
        "text/plain",
        "application/xml",
        "garbage",
        "",
        "multipart/form-data",
        "application/json; charset=ebcdic",
        "application/x-www-form-urlencoded",
        "application/json;;q=",
        "text/*",
        "*/json",
        "application/problem+json"
    };
    private static final String[] BAD_BODIES = {
        "",
        "{",
        "}",
        "[]",
        "null",
        "\"text\"",
        "42",
        "{\"a\":",
        "{\"a\" 1}",
        "{'a':1}",
        "{\"a\":1}{}",
        "[{}]",
        "{\"\\u0000\":1}",
        "\uFEFF{}",
        "{\"a\":\"\\ud800\"}",
        "[".repeat(2000),
        "{\"x\":" + "1".repeat(2000) + "}"
    };
    // TRACE is left out: with a malformed query Tomcat answers it with an empty 400 before any valve or filter runs
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO", "PROPFIND"};

    private final List<Operation> operations;
    private final String ownTicket;

    MalformedRequestGenerator(JsonNode apiDocs, String ownTicket) {
        this.operations = operations(apiDocs);
        this.ownTicket = ownTicket;
    }

    List<Operation> operations() {
        return operations;
    }

    Request generate(Random random, String token) {
        Operation operation = operations.get(random.nextInt(operations.size()));
        String method = operation.method();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", random.nextInt(5) == 0 ? "*/*" : "application/json, application/problem+json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        for (JsonNode parameter : operation.parameters()) {
            String value = sample(random, parameter.path("name").asString(), parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> pathValues.put(parameter.path("name").asString(), value);
                case "query" -> {
                    if (parameter.path("required").asBoolean() || random.nextBoolean()) {
                        query.put(parameter.path("name").asString(), encode(value));
                    }
                }
                case "header" -> headers.put(parameter.path("name").asString(), value);
                default -> {}
            }
        }
        if (operation.path().startsWith("/api/v1/tickets/{id}") && random.nextInt(3) > 0) {
            pathValues.put("id", ownTicket);
        }
        ObjectNode body = operation.bodySchema() == null ? null : object(random, operation.bodySchema());
        String rawBody = body == null ? null : body.toString();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        int defects = 1 + random.nextInt(3);
        for (int i = 0; i < defects; i++) {
            switch (random.nextInt(body == null ? 6 : 9)) {
                case 0 -> method = METHODS[random.nextInt(METHODS.length)];
                case 1 -> {
                    if (pathValues.isEmpty()) {
                        query.put(pick(random, "q", "filter", "orderBy", "page", "size", "x"), badQueryValue(random));
                    } else {
                        String name = List.copyOf(pathValues.keySet()).get(random.nextInt(pathValues.size()));
                        pathValues.put(name, BAD_SEGMENTS[random.nextInt(BAD_SEGMENTS.length)]);
                    }
                }
                case 2 ->
                    query.put(
                            query.isEmpty() || random.nextBoolean()
                                    ? pick(random, "q", "filter", "orderBy", "openedFrom", "status", "size", "cursor")
                                    : List.copyOf(query.keySet()).get(random.nextInt(query.size())),
                            badQueryValue(random));
                case 3 ->
                    headers.put(
                            pick(random, "If-Match", "Idempotency-Key", "Accept", "Authorization", "Content-Type"),
                            pick(
                                    random,
                                    "",
                                    "\"",
                                    "W/\"x\"",
                                    "*",
                                    "abc",
                                    "Bearer",
                                    "Bearer x.y.z",
                                    "\"-1\"",
                                    "\"99999999999999999999\"",
                                    "text/html",
                                    "application/xml",
                                    "*/*;q=0"));
                case 4 -> headers.put("Content-Type", BAD_CONTENT_TYPES[random.nextInt(BAD_CONTENT_TYPES.length)]);
                case 5 -> rawBody = BAD_BODIES[random.nextInt(BAD_BODIES.length)];
                default -> {
                    if (body != null) {
                        mutateField(random, body);
                        rawBody = body.toString();
                    }
                }
            }
        }
        if (rawBody != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        String path = operation.path();
        for (var entry : pathValues.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        String separator = "?";
        for (var entry : query.entrySet()) {
            target.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
            separator = "&";
        }
        byte[] bytes = rawBody == null ? null : rawBody.getBytes(StandardCharsets.UTF_8);
        if (bytes != null && random.nextInt(40) == 0) {
            bytes = new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        }
        return new Request(method, target.toString(), headers, bytes);
    }

    private void mutateField(Random random, ObjectNode body) {
        List<String> names = new ArrayList<>(body.propertyNames());
        String name = names.isEmpty() || random.nextInt(8) == 0
                ? "unknown" + random.nextInt(3)
                : names.get(random.nextInt(names.size()));
        switch (random.nextInt(16)) {
            case 0 -> body.put(name, 123);
            case 1 -> body.put(name, 1.5);
            case 2 -> body.put(name, true);
            case 3 -> body.putArray(name).add("x");
            case 4 -> body.putObject(name).put("x", 1);
            case 5 -> body.put(name, "");
            case 6 -> body.put(name, "   ");
            case 7 -> body.put(name, "a\u0000b");
            case 8 -> body.put(name, "x".repeat(10_001 + random.nextInt(5_000)));
            case 9 -> body.put(name, "+300000-01-01T00:00:00Z");
            case 10 -> body.put(name, "not-a-uuid");
            case 11 -> body.put(name, Long.MAX_VALUE);
            case 12 -> body.put(name, new java.math.BigDecimal("1e400"));
            case 13 -> body.put(name, "2020-01-01T00:00:00Z");
            case 14 -> body.putNull(name);
            default -> body.remove(name);
        }
    }

    private static String badQueryValue(Random random) {
        return pick(
                random,
                "%00",
                "a%00b",
                "%zz",
                "%",
                "%C3%28",
                "%C3",
                "%FF%FE",
                "-1",
                "0",
                "abc",
                "1.5",
                "99999999999999999999",
                "%2B300000-01-01T00:00:00Z",
                "-300000-01-01T00:00:00Z",
                "x".repeat(5000),
                "title%3D%3D",
                "(((((",
                "%22",
                "%27%20or%201%3D1",
                "not-a-uuid",
                "",
                "%0a",
                "true%00");
    }

    private String sample(Random random, String name, JsonNode schema) {
        if (name.equals("kind")) {
            return KINDS[random.nextInt(KINDS.length)];
        }
        String type = schema.path("type").asString();
        String format = schema.path("format").asString();
        if (schema.has("enum")) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .asString();
        }
        return switch (type) {
            case "integer" -> String.valueOf(1 + random.nextInt(20));
            case "boolean" -> String.valueOf(random.nextBoolean());
            case "array" -> sample(random, name, schema.path("items"));
            default ->
                switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> "2030-01-01T00:00:00Z";
                    default ->
                        name.equals("Idempotency-Key")
                                ? "fuzz-" + random.nextInt(1_000_000)
                                : "fuzz" + random.nextInt(1000);
                };
        };
    }

    private ObjectNode object(Random random, JsonNode schema) {
        ObjectNode node = com.echamado.support.TestHttp.JSON.createObjectNode();
        schema.path("properties").properties().forEach(property -> {
            JsonNode field = property.getValue();
            String type = field.path("type").asString();
            String name = property.getKey();
            switch (type) {
                case "integer", "number" -> node.put(name, 1 + random.nextInt(5));
                case "boolean" -> node.put(name, random.nextBoolean());
                case "array" -> node.putArray(name).add(sample(random, name, field.path("items")));
                default -> node.put(name, sample(random, name, field));
            }
        });
        return node;
    }

    private static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        JsonNode schemas = docs.path("components").path("schemas");
        docs.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    JsonNode operation = entry.getValue();
                    List<JsonNode> parameters = new ArrayList<>();
                    operation.path("parameters").forEach(parameters::add);
                    JsonNode body = null;
                    JsonNode content = operation.path("requestBody").path("content");
                    if (!content.isMissingNode()) {
                        JsonNode schema = content.properties()
                                .iterator()
                                .next()
                                .getValue()
                                .path("schema");
                        String ref = schema.path("$ref").asString("");
                        body = ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    operations.add(new Operation(
                            entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), parameters, body));
                }));
        return operations;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
