package com.echamado.sla.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogKind;
import com.echamado.catalog.Priority;
import com.echamado.platform.security.CurrentUser;
import com.echamado.platform.web.ProblemException;
import com.echamado.sla.CalendarRequest;
import com.echamado.sla.CalendarView;
import com.echamado.sla.PolicyRequest;
import com.echamado.sla.PolicyView;
import com.echamado.sla.ServiceLevels;
import com.echamado.sla.TicketSlaView;
import com.echamado.tickets.TicketManagement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA pages: administrators' calendars and policies (with a preview of the deadlines a ticket opened now would
 * get), and the SLA fragment the ticket page loads.
 */
@Controller
class SlaPages {

    /** What the new-calendar form starts with: Monday to Friday, 08:00–12:00 and 13:00–18:00. */
    static final String DEFAULT_HOURS = String.join(
            "\n",
            java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                    .map(day -> day + " 08:00-12:00 13:00-18:00")
                    .toList());

    private final ServiceLevels sla;
    private final TicketManagement tickets;
    private final Catalog catalog;

    SlaPages(ServiceLevels sla, TicketManagement tickets, Catalog catalog) {
        this.sla = sla;
        this.tickets = tickets;
        this.catalog = catalog;
    }

    @GetMapping("/admin/sla")
    String admin(Model model, Locale locale) {
        List<CalendarView> calendars = sla.calendars();
        List<PolicyView> policies = sla.policies();
        Map<UUID, List<ServiceLevels.Preview>> previews = new LinkedHashMap<>();
        Instant now = Instant.now();
        policies.forEach(p -> previews.put(p.id(), sla.preview(p.id(), now)));
        Map<UUID, String> names = new LinkedHashMap<>();
        calendars.forEach(c -> names.put(c.id(), c.name()));
        catalog.list(CatalogKind.DEPARTMENT, false)
                .forEach(d -> names.put(d.id(), d.in(locale).name()));
        model.addAttribute("calendars", calendars);
        model.addAttribute("policies", policies);
        model.addAttribute("previews", previews);
        model.addAttribute("names", names);
        model.addAttribute(
                "departments",
                catalog.list(CatalogKind.DEPARTMENT, false).stream()
                        .map(d -> d.in(locale))
                        .toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("defaultZone", "America/Sao_Paulo");
        model.addAttribute("defaultHours", DEFAULT_HOURS);
        return "sla/admin";
    }

    /**
     * A calendar from the form: {@code hours} holds one line per day, such as {@code MONDAY 08:00-12:00 13:00-18:00};
     * {@code holidays} one date per line ({@code 2026-12-25}, with {@code yearly} after it to repeat every year).
     */
    @PostMapping("/admin/sla/calendars")
    String createCalendar(
            @RequestParam String name,
            @RequestParam String zone,
            @RequestParam(defaultValue = "false") boolean alwaysOpen,
            @RequestParam(defaultValue = "") String hours,
            @RequestParam(defaultValue = "") String holidays,
            RedirectAttributes redirect) {
        try {
            sla.createCalendar(new CalendarRequest(name, zone, alwaysOpen, hours(hours), holidays(holidays)));
            redirect.addFlashAttribute("notice", "sla.admin.saved");
        } catch (ProblemException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "sla.admin.invalid");
        }
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/calendars/{id}/holidays")
    String importHolidays(@PathVariable UUID id, @RequestParam String file, RedirectAttributes redirect) {
        try {
            sla.importHolidays(id, file);
            redirect.addFlashAttribute("notice", "sla.admin.saved");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", "sla.admin.invalid");
        }
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(
            @RequestParam String name,
            @RequestParam int position,
            @RequestParam(required = false) UUID departmentId,
            @RequestParam(required = false) Priority priority,
            @RequestParam UUID calendarId,
            @RequestParam(required = false) Integer firstResponseMinutes,
            @RequestParam(required = false) Integer nextResponseMinutes,
            @RequestParam(required = false) Integer resolutionMinutes,
            @RequestParam(defaultValue = "80") int warningPercent,
            RedirectAttributes redirect) {
        try {
            sla.createPolicy(new PolicyRequest(
                    name,
                    position,
                    true,
                    departmentId,
                    priority,
                    null,
                    null,
                    calendarId,
                    firstResponseMinutes,
                    nextResponseMinutes,
                    resolutionMinutes,
                    warningPercent));
            redirect.addFlashAttribute("notice", "sla.admin.saved");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", "sla.admin.invalid");
        }
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/policies/{id}/delete")
    String deletePolicy(@PathVariable UUID id, RedirectAttributes redirect) {
        sla.deletePolicy(id);
        redirect.addFlashAttribute("notice", "sla.admin.deleted");
        return "redirect:/admin/sla";
    }

    /** The ticket page's SLA card, loaded by htmx; 404 for a ticket the viewer may not see. */
    @GetMapping("/tickets/{id}/sla")
    String ticket(@PathVariable UUID id, Authentication authentication, Model model) {
        UUID user = CurrentUser.id(authentication).orElseThrow(() -> new AccessDeniedException("Sign in"));
        TicketSlaView view = sla.ticket(
                tickets.actor(
                        user, SlaApi.has(authentication, "ROLE_ADMIN"), SlaApi.has(authentication, "ROLE_SUPPORT")),
                id);
        model.addAttribute("sla", view);
        return "sla/ticket :: card";
    }

    static List<CalendarRequest.Hours> hours(String text) {
        List<CalendarRequest.Hours> result = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            DayOfWeek day = DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT));
            for (int i = 1; i < parts.length; i++) {
                String[] span = parts[i].split("-");
                if (span.length != 2 || !span[0].matches(time()) || !span[1].matches(time())) {
                    throw new IllegalArgumentException("Not a span of hours: " + parts[i]);
                }
                result.add(new CalendarRequest.Hours(day, span[0], span[1]));
            }
        }
        return result;
    }

    static List<CalendarRequest.Holiday> holidays(String text) {
        List<CalendarRequest.Holiday> result = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts[0].isEmpty()) {
                continue;
            }
            boolean yearly = parts.length > 1 && parts[1].equalsIgnoreCase("yearly");
            String name = parts.length > (yearly ? 2 : 1) ? parts[parts.length - 1] : null;
            result.add(new CalendarRequest.Holiday(LocalDate.parse(parts[0]), yearly, name));
        }
        return result;
    }

    private static String time() {
        return "(([01]\\d|2[0-3]):[0-5]\\d|24:00)";
    }
}
