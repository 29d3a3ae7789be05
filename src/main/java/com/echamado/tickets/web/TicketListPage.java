package com.echamado.tickets.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import com.echamado.catalog.Priority;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The ticket list: filters in the URL, saved views, sortable columns (the nearest SLA deadline among them), pages.
 * Unparsable parameters are ignored.
 */
@Controller
class TicketListPage {

    private final TicketManagement tickets;
    private final Names names;
    private final Catalog catalog;
    private final TicketCsv csv;
    private final Clock clock;

    TicketListPage(TicketManagement tickets, Names names, Catalog catalog, TicketCsv csv, Clock clock) {
        this.tickets = tickets;
        this.csv = csv;
        this.names = names;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/tickets")
    String list(
            @ModelAttribute("filters") ListFilters filters,
            BindingResult ignoredErrors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model) {
        TicketPage page = tickets.list(viewer.actor(), filters.toQuery(viewer.id(), ZoneId.systemDefault()));
        List<UUID> people = new ArrayList<>();
        page.items().forEach(t -> {
            people.add(t.requesterId());
            people.add(t.assigneeId());
        });
        model.addAttribute("page", page);
        model.addAttribute("names", names.catalog());
        model.addAttribute("people", names.people(people));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("hasNext", hasNext(page));
        Instant now = clock.instant();
        Map<UUID, SlaCell> sla = new HashMap<>();
        page.items().forEach(t -> sla.put(t.id(), SlaCell.of(t, now)));
        model.addAttribute("sla", sla);
        if (viewer.staff()) {
            model.addAttribute("agents", agents(viewer, filters));
        }
        return "tickets/list";
    }

    /**
     * The list as the viewer filtered and sorted it, every row of it, as a CSV file for a spreadsheet: headers in the
     * viewer's language, times in their time zone.
     */
    @GetMapping("/tickets/export.csv")
    void export(
            @ModelAttribute("filters") ListFilters filters,
            BindingResult ignoredErrors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            HttpServletResponse response)
            throws IOException {
        csv.write(viewer.actor(), filters.toQuery(viewer.id(), ZoneId.systemDefault()), true, response);
    }

    /**
     * The agents an assignee filter offers: those of the viewer's departments (all departments for an administrator),
     * and the one already chosen in the URL, if any.
     */
    private Map<UUID, String> agents(Viewer viewer, ListFilters filters) {
        Collection<UUID> departments = viewer.admin()
                ? catalog.list(CatalogKind.DEPARTMENT, true).stream()
                        .map(CatalogEntryView::id)
                        .toList()
                : viewer.actor().departments();
        Map<UUID, String> agents = names.agentsOf(departments);
        UUID chosen = filters.assigneeId();
        if (chosen != null && !agents.containsKey(chosen)) {
            agents.putAll(names.people(List.of(chosen)));
        }
        return agents;
    }

    private static boolean hasNext(TicketPage page) {
        return (long) (page.page() + 1) * page.size() < page.total()
                || (!page.totalExact() && page.items().size() == page.size());
    }
}
