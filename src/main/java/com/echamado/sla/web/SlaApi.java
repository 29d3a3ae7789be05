package com.echamado.sla.web;

import com.echamado.platform.security.CurrentUser;
import com.echamado.sla.CalendarRequest;
import com.echamado.sla.CalendarView;
import com.echamado.sla.PolicyRequest;
import com.echamado.sla.PolicyView;
import com.echamado.sla.ServiceLevels;
import com.echamado.sla.TicketSlaView;
import com.echamado.tickets.TicketManagement;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SLA API: calendars, policies with a deadline preview, holiday import (text/calendar) and a ticket's SLA. */
@RestController
@RequestMapping("/api/v1/sla")
class SlaApi {

    private final ServiceLevels sla;
    private final TicketManagement tickets;

    SlaApi(ServiceLevels sla, TicketManagement tickets) {
        this.sla = sla;
        this.tickets = tickets;
    }

    @GetMapping("/calendars")
    List<CalendarView> calendars() {
        return sla.calendars();
    }

    @PostMapping("/calendars")
    ResponseEntity<CalendarView> createCalendar(@Valid @RequestBody CalendarRequest request) {
        CalendarView created = sla.createCalendar(request);
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id()))
                .body(created);
    }

    @GetMapping("/calendars/{id}")
    CalendarView calendar(@PathVariable UUID id) {
        return sla.calendar(id);
    }

    @PutMapping("/calendars/{id}")
    CalendarView updateCalendar(@PathVariable UUID id, @Valid @RequestBody CalendarRequest request) {
        return sla.updateCalendar(id, request);
    }

    @DeleteMapping("/calendars/{id}")
    ResponseEntity<Void> deleteCalendar(@PathVariable UUID id) {
        sla.deleteCalendar(id);
        return ResponseEntity.noContent().build();
    }

    /** Adds the holidays of an iCalendar file (the request body, {@code text/calendar}). */
    @PostMapping(
            value = "/calendars/{id}/holidays",
            consumes = {"text/calendar", "text/plain"})
    Map<String, Integer> importHolidays(@PathVariable UUID id, @RequestBody String file) {
        return Map.of("imported", sla.importHolidays(id, file));
    }

    @GetMapping("/policies")
    List<PolicyView> policies() {
        return sla.policies();
    }

    @PostMapping("/policies")
    ResponseEntity<PolicyView> createPolicy(@Valid @RequestBody PolicyRequest request) {
        PolicyView created = sla.createPolicy(request);
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.id()))
                .body(created);
    }

    @GetMapping("/policies/{id}")
    PolicyView policy(@PathVariable UUID id) {
        return sla.policy(id);
    }

    @PutMapping("/policies/{id}")
    PolicyView updatePolicy(@PathVariable UUID id, @Valid @RequestBody PolicyRequest request) {
        return sla.updatePolicy(id, request);
    }

    @DeleteMapping("/policies/{id}")
    ResponseEntity<Void> deletePolicy(@PathVariable UUID id) {
        sla.deletePolicy(id);
        return ResponseEntity.noContent().build();
    }

    /** "A ticket opened at {@code at} (default: now) would be due at …". */
    @GetMapping("/policies/{id}/preview")
    List<ServiceLevels.Preview> preview(@PathVariable UUID id, @RequestParam(required = false) Instant at) {
        return sla.preview(id, at == null ? Instant.now() : at);
    }

    /** "Breaching in the next hour": {@code within} as an ISO-8601 duration, {@code PT1H} by default. */
    @GetMapping("/at-risk")
    List<ServiceLevels.AtRisk> atRisk(
            @RequestParam(defaultValue = "PT1H") java.time.Duration within,
            @RequestParam(defaultValue = "50")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(200)
                    int limit,
            Authentication authentication) {
        return sla.atRisk(actor(authentication), within, limit);
    }

    /** Compliance per department, month and target; months as {@code 2026-12}, the current month by default. */
    @GetMapping("/compliance")
    List<com.echamado.sla.ComplianceRow> compliance(
            @RequestParam(required = false) java.time.YearMonth from,
            @RequestParam(required = false) java.time.YearMonth to) {
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        return sla.compliance(from == null ? now : from, to == null ? now : to);
    }

    @GetMapping("/tickets/{id}")
    TicketSlaView ticket(@PathVariable UUID id, Authentication authentication) {
        return sla.ticket(actor(authentication), id);
    }

    private com.echamado.tickets.Actor actor(Authentication authentication) {
        UUID user = CurrentUser.id(authentication)
                .orElseThrow(() -> new AccessDeniedException("The SLA is read by a signed-in user"));
        return tickets.actor(user, has(authentication, "ROLE_ADMIN"), has(authentication, "ROLE_SUPPORT"));
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
