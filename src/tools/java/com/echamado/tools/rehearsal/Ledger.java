package com.echamado.tools.rehearsal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per HTTP attempt, tab-separated, flushed as it is written so that a crash of the client still leaves
 * every finished attempt on disk.
 */
final class Ledger implements AutoCloseable {

    /** An attempt: status 0 = no HTTP answer (connection refused, reset, timeout). */
    record Entry(
            long startMs,
            long endMs,
            String op,
            String logical,
            int attempt,
            String key,
            int status,
            String ticketId,
            String note) {

        long latencyMs() {
            return endMs - startMs;
        }

        /** A failure the user would see: no answer, a 5xx or a 429. */
        boolean failed() {
            return status == 0 || status >= 500 || status == 429;
        }

        String line() {
            return String.join(
                    "\t",
                    Long.toString(startMs),
                    Long.toString(endMs),
                    op,
                    logical,
                    Integer.toString(attempt),
                    key == null ? "-" : key,
                    Integer.toString(status),
                    ticketId == null ? "-" : ticketId,
                    note == null ? "-" : note.replaceAll("[\t\n\r]", " "));
        }

        static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            return new Entry(
                    Long.parseLong(f[0]),
                    Long.parseLong(f[1]),
                    f[2],
                    f[3],
                    Integer.parseInt(f[4]),
                    "-".equals(f[5]) ? null : f[5],
                    Integer.parseInt(f[6]),
                    "-".equals(f[7]) ? null : f[7],
                    f[8]);
        }
    }

    private final BufferedWriter out;

    Ledger(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    synchronized void record(Entry entry) {
        try {
            out.write(entry.line());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the ledger", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                entries.add(Entry.parse(line));
            }
        }
        return entries;
    }
}
