package com.echamado.tickets.web;

import com.echamado.catalog.CatalogKind;
import com.echamado.platform.web.Dates;
import com.echamado.tickets.HistoryEntry;
import com.echamado.tickets.TicketAccess;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * One ticket: description (always escaped), the sections other modules contribute ({@link TicketPageSection}: the
 * conversation, whose internal notes only staff see), the history timeline, and the forms for what the viewer may do. Each change form carries the
 * version the page was rendered with, so a change made on a stale page is refused instead of overwriting.
 */
@Controller
class TicketDetailPage {

    /** How the history records times: {@code Instant.toString()}. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private final TicketManagement tickets;
    private final List<TicketPageSection> sections;
    private final Names names;
    private final MessageSource messages;
    private final Dates dates;

    TicketDetailPage(
            TicketManagement tickets,
            List<TicketPageSection> sections,
            Names names,
            MessageSource messages,
            Dates dates) {
        this.tickets = tickets;
        this.sections = List.copyOf(sections);
        this.names = names;
        this.messages = messages;
        this.dates = dates;
    }

    @GetMapping("/tickets/{number}")
    String detail(
            @PathVariable long number,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            WebRequest request,
            Model model,
            Locale locale) {
        TicketView ticket = tickets.getByNumber(viewer.actor(), number);
        List<HistoryEntry> history = tickets.history(viewer.actor(), ticket.id());
        boolean staff = staffFor(viewer, ticket);
        List<UUID> people = new ArrayList<>(List.of(ticket.requesterId()));
        if (ticket.assigneeId() != null) {
            people.add(ticket.assigneeId());
        }
        sections.forEach(section -> people.addAll(section.contribute(viewer.actor(), ticket, request, model)));
        history.forEach(h -> people.add(h.actorId()));
        Names.Entries entries = names.catalog();
        Map<UUID, String> peopleNames = names.people(people);
        model.addAttribute("ticket", ticket);
        model.addAttribute("timeline", timeline(history, entries, peopleNames, locale));
        model.addAttribute("names", entries);
        model.addAttribute("people", peopleNames);
        model.addAttribute("staff", staff);
        model.addAttribute("requester", viewer.id().equals(ticket.requesterId()));
        model.addAttribute("editable", TicketEditPage.mayEdit(viewer, ticket));
        if (staff && !ticket.closed()) {
            model.addAttribute(
                    "statuses",
                    entries.enabled(CatalogKind.STATUS).stream()
                            .filter(s -> !s.id().equals(ticket.statusId()))
                            .toList());
            model.addAttribute("agents", names.agentsOf(List.of(ticket.departmentId())));
        }
        return "tickets/detail";
    }

    /** Whether the viewer works this ticket ({@link TicketAccess}). */
    static boolean staffFor(Viewer viewer, TicketView ticket) {
        return TicketAccess.mayWork(viewer.actor(), ticket);
    }

    private List<TimelineItem> timeline(
            List<HistoryEntry> history, Names.Entries entries, Map<UUID, String> people, Locale locale) {
        return history.stream()
                .map(h -> new TimelineItem(
                        h.changedAt(),
                        people.getOrDefault(h.actorId(), ""),
                        messages.getMessage("history.field." + h.field(), null, h.field(), locale),
                        readable(h.field(), h.oldValue(), entries, people, locale),
                        readable(h.field(), h.newValue(), entries, people, locale)))
                .toList();
    }

    /**
     * Ids become names, instants the viewer's date and time, priorities their label; long texts are cut; the rest
     * stays as recorded.
     */
    private String readable(
            String field, String value, Names.Entries entries, Map<UUID, String> people, Locale locale) {
        if (value == null) {
            return "";
        }
        if (field.equals("priority")) {
            return messages.getMessage("priority." + value, null, value, locale);
        }
        if (INSTANT.matcher(value).matches()) {
            try {
                return dates.format(Instant.parse(value));
            } catch (DateTimeParseException notAnInstant) {
                return value;
            }
        }
        try {
            UUID id = UUID.fromString(value);
            if (entries.known(id)) {
                return entries.name(id);
            }
            return people.getOrDefault(id, "");
        } catch (IllegalArgumentException notAnId) {
            return value.length() > 120 ? value.substring(0, 117) + "…" : value;
        }
    }

    record TimelineItem(Instant at, String actor, String field, String from, String to) {}
}
