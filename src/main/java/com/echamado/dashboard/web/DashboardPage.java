package com.echamado.dashboard.web;

import com.echamado.dashboard.Dashboard;
import com.echamado.dashboard.Dashboards;
import com.echamado.dashboard.SlaCompliance;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketPage;
import com.echamado.tickets.TicketQuery;
import com.echamado.tickets.web.Actors;
import com.echamado.tickets.web.Names;
import com.echamado.tickets.web.SlaCell;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start page: KPI cards, a donut by status, bars by department, created versus closed over 30 days, the latest
 * and the overdue tickets, for agents SLA compliance per department and month and the tickets at risk now, all
 * limited to what the viewer may see. Chart data travels as JSON in a data attribute
 * that {@code /js/dashboard.js} reads (the CSP allows no inline script); every card and chart links to the list.
 * Each chart also stands as a table that only screen readers present, with the same numbers in the viewer's language.
 * The layout's viewer comes from the web shell's advice (ui); the figures from the {@link Dashboards} facade.
 */
@Controller
class DashboardPage {

    private static final int ROWS = 8;

    private final TicketManagement tickets;
    private final Dashboards dashboards;
    private final SlaCompliance compliance;
    private final Actors actors;
    private final Names names;
    private final JsonMapper json;
    private final MessageSource messages;
    private final java.time.Clock clock;

    DashboardPage(
            TicketManagement tickets,
            Dashboards dashboards,
            SlaCompliance compliance,
            Actors actors,
            Names names,
            JsonMapper json,
            MessageSource messages,
            java.time.Clock clock) {
        this.tickets = tickets;
        this.dashboards = dashboards;
        this.compliance = compliance;
        this.actors = actors;
        this.names = names;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Authentication authentication, Model model, java.util.Locale locale) {
        Actor actor = actors.of(authentication);
        Dashboard dashboard = dashboards.of(actor);
        Names.Entries entries = names.catalog();
        TicketPage latest = tickets.list(actor, TicketQuery.firstPage(ROWS));
        TicketPage overdue = tickets.list(actor, overdueFirst());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("names", entries);
        model.addAttribute("latest", latest.items());
        model.addAttribute("overdue", overdue.items());
        if (actor.isStaff()) {
            List<com.echamado.tickets.TicketSummary> atRisk =
                    tickets.list(actor, atRiskFirst()).items();
            java.time.Instant now = clock.instant();
            Map<UUID, SlaCell> cells = new LinkedHashMap<>();
            atRisk.forEach(t -> cells.put(t.id(), SlaCell.of(t, now)));
            model.addAttribute("atRisk", atRisk);
            model.addAttribute("atRiskSla", cells);
            model.addAttribute("compliance", compliance.recent(actor));
        }
        Map<String, Object> charts = charts(dashboard, entries, locale);
        model.addAttribute("statusSlices", charts.get("status"));
        model.addAttribute("departmentSlices", charts.get("department"));
        model.addAttribute("trendDays", charts.get("trend"));
        model.addAttribute(
                "trendEmpty",
                dashboard.createdPerDay().stream().allMatch(d -> d.count() == 0)
                        && dashboard.closedPerDay().stream().allMatch(d -> d.count() == 0));
        model.addAttribute("charts", json.writeValueAsString(charts));
        return "dashboard/dashboard";
    }

    private static TicketQuery overdueFirst() {
        return TicketQuery.builder()
                .overdue(true)
                .closed(false)
                .orderBy("dueAt asc")
                .size(ROWS)
                .build();
    }

    /** The queue's "breaching" view: the nearest SLA deadline within the hour or passed, soonest first. */
    private static TicketQuery atRiskFirst() {
        return TicketQuery.builder()
                .slaDueWithin(java.time.Duration.ofHours(1))
                .closed(false)
                .orderBy("slaDueAt asc")
                .size(ROWS)
                .build();
    }

    private Map<String, Object> charts(Dashboard dashboard, Names.Entries entries, java.util.Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", slices(dashboard.openByStatus(), entries, "status", true));
        out.put("department", slices(dashboard.openByDepartment(), entries, "department", false));
        out.put("trend", trend(dashboard));
        out.put(
                "labels",
                Map.of(
                        "created", messages.getMessage("dashboard.trend.created", null, locale),
                        "closed", messages.getMessage("dashboard.trend.closed", null, locale),
                        "open", messages.getMessage("dashboard.kpi.open", null, locale)));
        return out;
    }

    private static List<Map<String, Object>> slices(
            Map<String, Long> counts, Names.Entries entries, String param, boolean colored) {
        List<Map<String, Object>> out = new ArrayList<>();
        counts.forEach((id, count) -> {
            UUID key = UUID.fromString(id);
            Map<String, Object> slice = new LinkedHashMap<>();
            slice.put("label", entries.name(key));
            slice.put("value", count);
            slice.put("href", "/tickets?" + param + "=" + key);
            if (colored) {
                slice.put("color", entries.color(key));
            }
            out.add(slice);
        });
        return out;
    }

    /** 30 days ending today, zeros filled in, each day linking to the tickets opened that day. */
    private static List<Map<String, Object>> trend(Dashboard dashboard) {
        Map<LocalDate, Long> created = new LinkedHashMap<>();
        Map<LocalDate, Long> closed = new LinkedHashMap<>();
        dashboard.createdPerDay().forEach(d -> created.put(d.day(), d.count()));
        dashboard.closedPerDay().forEach(d -> closed.put(d.day(), d.count()));
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate day = today.minusDays(29); !day.isAfter(today); day = day.plusDays(1)) {
            out.add(Map.of(
                    "day", day.toString(),
                    "date", day,
                    "created", created.getOrDefault(day, 0L),
                    "closed", closed.getOrDefault(day, 0L),
                    "href", "/tickets?state=all&from=" + day + "&to=" + day));
        }
        return out;
    }
}
