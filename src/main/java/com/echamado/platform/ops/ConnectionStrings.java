package com.echamado.platform.ops;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the connection strings that the deployment guide uses into Spring properties: a JDBC URL, a
 * {@code postgres://user:pass@host:port/db} URI or the {@code Host=…;Port=…;Database=…;Username=…;Password=…} form;
 * a Redis URL or {@code host:port,password=…}; an AMQP URI.
 */
final class ConnectionStrings {

    private ConnectionStrings() {}

    static Map<String, Object> database(String value) {
        Map<String, Object> out = new LinkedHashMap<>();
        String text = value.trim();
        if (text.startsWith("jdbc:")) {
            out.put("spring.datasource.url", text);
            return out;
        }
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            URI uri = URI.create(text);
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            out.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query);
            if (uri.getRawUserInfo() != null) {
                String[] userInfo = uri.getRawUserInfo().split(":", 2);
                out.put("spring.datasource.username", decode(userInfo[0]));
                if (userInfo.length > 1) {
                    out.put("spring.datasource.password", decode(userInfo[1]));
                }
            }
            return out;
        }
        Map<String, String> parts = keyValues(text);
        String host = parts.getOrDefault("host", parts.getOrDefault("server", "localhost"));
        String port = parts.getOrDefault("port", "5432");
        String database = parts.getOrDefault("database", "echamado");
        StringBuilder url = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
        String sslMode = parts.get("ssl mode");
        if (sslMode != null) {
            url.append("?sslmode=").append(sslMode.toLowerCase(Locale.ROOT));
        }
        out.put("spring.datasource.url", url.toString());
        String user = parts.getOrDefault("username", parts.get("user id"));
        if (user != null) {
            out.put("spring.datasource.username", user);
        }
        if (parts.containsKey("password")) {
            out.put("spring.datasource.password", parts.get("password"));
        }
        return out;
    }

    static Map<String, Object> redis(String value) {
        Map<String, Object> out = new LinkedHashMap<>();
        String text = value.trim();
        if (text.contains("://")) {
            out.put("spring.data.redis.url", text);
            return out;
        }
        String[] items = text.split(",");
        String[] hostPort = items[0].trim().split(":", 2);
        out.put("spring.data.redis.host", hostPort[0]);
        out.put("spring.data.redis.port", hostPort.length > 1 ? hostPort[1] : "6379");
        for (int i = 1; i < items.length; i++) {
            String[] kv = items[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("password")) {
                out.put("spring.data.redis.password", kv[1].trim());
            } else if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("ssl")) {
                out.put("spring.data.redis.ssl.enabled", kv[1].trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static Map<String, Object> rabbit(String value) {
        Map<String, Object> out = new LinkedHashMap<>();
        String text = value.trim();
        if (text.startsWith("amqp://") || text.startsWith("amqps://")) {
            out.put("spring.rabbitmq.addresses", text);
            return out;
        }
        Map<String, String> parts = keyValues(text);
        out.put("spring.rabbitmq.host", parts.getOrDefault("host", "localhost"));
        out.put("spring.rabbitmq.port", parts.getOrDefault("port", "5672"));
        putIfPresent(out, "spring.rabbitmq.username", parts.get("username"));
        putIfPresent(out, "spring.rabbitmq.password", parts.get("password"));
        putIfPresent(out, "spring.rabbitmq.virtual-host", parts.get("virtualhost"));
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String item : text.split(";")) {
            String[] kv = item.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank()) {
                parts.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim());
            }
        }
        return parts;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
