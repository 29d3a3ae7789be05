package com.echamado.tools.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The access log bench/pages.sh makes Tomcat write, one line a request: {@code <X-Bench-Page> <status> <microseconds>}
 * (pattern {@code %{X-Bench-Page}i %s %{us}T}). Read into the server times of each tagged page; untagged requests
 * (sign-in) and warm-up ones are left out.
 */
final class AccessLog {

    private AccessLog() {}

    static Map<String, List<Long>> read(Path file) throws IOException {
        Map<String, List<Long>> micros = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split(" ");
            if (fields.length != 3 || "-".equals(fields[0]) || "warmup".equals(fields[0])) {
                continue;
            }
            micros.computeIfAbsent(fields[0], tag -> new ArrayList<>()).add(Long.parseLong(fields[2]));
        }
        return micros;
    }
}
