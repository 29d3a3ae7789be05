package com.echamado.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The database ceiling: pgbench runs the SQL of an operation (bench/pgbench/*.sql) against the same database, with
 * per-transaction logs (-l) read into an HdrHistogram.
 */
final class PgBench {

    record Result(
            String script,
            int clients,
            double seconds,
            long transactions,
            long failed,
            Histogram latency,
            double tps,
            String summary) {}

    static Result run(Path script, String database, int clients, int seconds, Path out, List<String> defines)
            throws IOException, InterruptedException {
        String name = script.getFileName().toString().replace(".sql", "");
        Path dir = Files.createDirectories(out.resolve("pgbench-" + name));
        List<String> command = new ArrayList<>(List.of(
                "pgbench",
                "-n",
                "-h",
                "127.0.0.1",
                "-p",
                "5432",
                "-U",
                "postgres",
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, 2)),
                "-T",
                String.valueOf(seconds),
                "-l",
                "--log-prefix=" + dir.resolve("log"),
                "-f",
                script.toAbsolutePath().toString()));
        for (String d : defines) {
            command.add("-D");
            command.add(d);
        }
        command.add(database);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        Files.writeString(dir.resolve("output.txt"), String.join(" ", command) + "\n" + output);
        Histogram h = new Histogram(Stats.MAX_MICROS, 3);
        long failed = 0;
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("log"))
                    .toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        // client_id transaction_no time script_no time_epoch time_us [schedule_lag]
                        String[] f = line.split(" ");
                        if (f.length < 6) {
                            continue;
                        }
                        if (f[2].equals("failed") || f[2].equals("skipped")) {
                            failed++;
                        } else {
                            h.recordValue(Math.min(Math.max(Long.parseLong(f[2]), 1), Stats.MAX_MICROS));
                        }
                    }
                }
                Files.delete(log);
            }
        }
        if (exit != 0) {
            failed = Math.max(failed, 1);
        }
        return new Result(
                name,
                clients,
                seconds,
                h.getTotalCount(),
                failed,
                h,
                h.getTotalCount() / (double) seconds,
                tail(output));
    }

    private static String tail(String output) {
        return output.lines()
                .filter(l -> l.startsWith("tps") || l.contains("latency average") || l.contains("error"))
                .reduce((a, b) -> a + "; " + b)
                .orElse(output.length() > 300 ? output.substring(0, 300) : output);
    }
}
