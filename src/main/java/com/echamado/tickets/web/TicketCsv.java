package com.echamado.tickets.web;

import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketQuery;
import com.echamado.tickets.TicketSummary;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A ticket list as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line break), written
 * to the response while the database streams the rows. Headers in the viewer's language, catalog entries and people
 * by name (people looked up {@value #BATCH} rows at a time), times in ISO 8601 in the viewer's time zone. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading quote.
 */
@Component
class TicketCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final int BATCH = 500;
    private static final List<String> HEADERS = List.of(
            "list.col.number",
            "list.col.title",
            "list.col.status",
            "list.col.priority",
            "list.col.department",
            "field.type",
            "field.category",
            "list.col.requester",
            "list.col.assignee",
            "list.col.opened",
            "list.col.due",
            "export.col.updated");

    private final TicketManagement tickets;
    private final Names names;
    private final MessageSource messages;

    TicketCsv(TicketManagement tickets, Names names, MessageSource messages) {
        this.tickets = tickets;
        this.names = names;
        this.messages = messages;
    }

    /**
     * Writes every ticket of the list to the response. {@code bom}: start with a UTF-8 byte order mark, which
     * spreadsheets need to read accents right (the page's download; API clients get none). A query the facade refuses
     * (a bad filter) throws before any row, with the response reset, so the caller's error answer replaces it.
     */
    void write(Actor actor, TicketQuery query, boolean bom, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        ZoneId zone = LocaleContextHolder.getTimeZone().toZoneId();
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8;header=present");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("tickets-" + LocalDate.now(zone) + ".csv")
                        .build()
                        .toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (bom) {
            out.write('\uFEFF');
        }
        Rows rows = new Rows(out, names.catalog(), zone, locale);
        rows.line(HEADERS.stream()
                .map(key -> messages.getMessage(key, null, locale))
                .toList());
        try {
            tickets.export(actor, query, rows::add);
        } catch (RuntimeException refused) {
            if (!response.isCommitted()) {
                response.reset();
            }
            throw refused;
        }
        rows.flush();
        out.flush();
    }

    /** The rows waiting for their people's names, at most {@value #BATCH}. */
    private final class Rows {

        private final Writer out;
        private final Names.Entries catalog;
        private final DateTimeFormatter dates;
        private final Locale locale;
        private final List<TicketSummary> pending = new ArrayList<>(BATCH);

        Rows(Writer out, Names.Entries catalog, ZoneId zone, Locale locale) {
            this.out = out;
            this.catalog = catalog;
            this.dates = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
            this.locale = locale;
        }

        void add(TicketSummary ticket) {
            pending.add(ticket);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            Set<UUID> people = new HashSet<>();
            pending.forEach(t -> {
                people.add(t.requesterId());
                if (t.assigneeId() != null) {
                    people.add(t.assigneeId());
                }
            });
            Map<UUID, String> named = people.isEmpty() ? Map.of() : names.people(people);
            for (TicketSummary t : pending) {
                line(List.of(
                        Long.toString(t.number()),
                        t.title(),
                        catalog.name(t.statusId()),
                        messages.getMessage("priority." + t.priority().name(), null, locale),
                        catalog.name(t.departmentId()),
                        catalog.name(t.typeId()),
                        catalog.name(t.categoryId()),
                        named.getOrDefault(t.requesterId(), ""),
                        t.assigneeId() == null ? "" : named.getOrDefault(t.assigneeId(), ""),
                        date(t.openedAt()),
                        date(t.dueAt()),
                        date(t.updatedAt())));
            }
            pending.clear();
        }

        private String date(Instant instant) {
            return instant == null ? "" : dates.format(instant.truncatedTo(ChronoUnit.SECONDS));
        }

        void line(List<String> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(cell(cells.get(i)));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One field: defused when a spreadsheet would take it for a formula, then quoted when RFC 4180 needs it. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf('"') >= 0 || text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
