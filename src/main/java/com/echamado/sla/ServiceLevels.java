package com.echamado.sla;

import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA module's facade: calendars and policies (administrators; access is checked at the edge), a preview of the
 * deadlines a policy gives a ticket opened at some instant, and a ticket's SLA for whoever may see the ticket.
 * Changing a calendar or policy recomputes the open tickets in the background ({@link SlaPolicyChanged}).
 */
@Service
@Transactional
public class ServiceLevels {

    /** The deadline a policy gives one target of a ticket opened at the preview's instant. */
    public record Preview(SlaTarget target, long minutes, Instant dueAt) {}

    /** A ticket whose nearest running target is due soon (or already late). */
    public record AtRisk(UUID ticketId, long number, TicketClockView nearest) {}

    private final Calendars calendars;
    private final Policies policies;
    private final ClockReadings readings;
    private final TicketManagement tickets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceLevels(
            Calendars calendars,
            Policies policies,
            ClockReadings readings,
            TicketManagement tickets,
            ApplicationEventPublisher events,
            Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.readings = readings;
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CalendarView> calendars() {
        return calendars.list();
    }

    @Transactional(readOnly = true)
    public CalendarView calendar(UUID id) {
        return calendars.find(id).orElseThrow(() -> SlaException.calendarNotFound(id));
    }

    public CalendarView createCalendar(CalendarRequest request) {
        check(request);
        UUID id = UUID.randomUUID();
        try {
            calendars.save(id, request, true);
        } catch (DuplicateKeyException e) {
            throw SlaException.conflict("sla-calendar-name-taken", "Another calendar has this name");
        }
        return calendar(id);
    }

    public CalendarView updateCalendar(UUID id, CalendarRequest request) {
        calendar(id);
        check(request);
        try {
            calendars.save(id, request, false);
        } catch (DuplicateKeyException e) {
            throw SlaException.conflict("sla-calendar-name-taken", "Another calendar has this name");
        }
        changed(null);
        return calendar(id);
    }

    public void deleteCalendar(UUID id) {
        if (policies.usesCalendar(id)) {
            throw SlaException.conflict("sla-calendar-in-use", "A policy counts in this calendar");
        }
        if (!calendars.delete(id)) {
            throw SlaException.calendarNotFound(id);
        }
    }

    /** Adds the holidays of an iCalendar file to the calendar; the number of days read. */
    public int importHolidays(UUID id, String icalendar) {
        calendar(id);
        List<HolidayFile.Holiday> read;
        try {
            read = HolidayFile.parse(icalendar);
        } catch (IllegalArgumentException e) {
            throw SlaException.invalid("file", e.getMessage());
        }
        calendars.addHolidays(
                id,
                read.stream()
                        .map(h -> new CalendarRequest.Holiday(h.date(), h.yearly(), h.name()))
                        .toList());
        changed(null);
        return read.size();
    }

    @Transactional(readOnly = true)
    public List<PolicyView> policies() {
        return policies.list();
    }

    @Transactional(readOnly = true)
    public PolicyView policy(UUID id) {
        return policies.find(id).orElseThrow(() -> SlaException.policyNotFound(id));
    }

    public PolicyView createPolicy(PolicyRequest request) {
        check(request);
        UUID id = UUID.randomUUID();
        try {
            policies.create(id, request, clock.instant());
        } catch (DuplicateKeyException e) {
            throw SlaException.conflict("sla-policy-name-taken", "Another policy has this name");
        }
        changed(id);
        return policy(id);
    }

    public PolicyView updatePolicy(UUID id, PolicyRequest request) {
        policy(id);
        check(request);
        try {
            policies.update(id, request, clock.instant());
        } catch (DuplicateKeyException e) {
            throw SlaException.conflict("sla-policy-name-taken", "Another policy has this name");
        }
        changed(id);
        return policy(id);
    }

    public void deletePolicy(UUID id) {
        if (!policies.delete(id)) {
            throw SlaException.policyNotFound(id);
        }
        changed(id);
    }

    /** "A ticket opened at {@code at} would be due at …" for each target of the policy. */
    @Transactional(readOnly = true)
    public List<Preview> preview(UUID policyId, Instant at) {
        PolicyView policy = policy(policyId);
        BusinessCalendar calendar = Calendars.engine(calendar(policy.calendarId()));
        List<Preview> result = new ArrayList<>();
        for (SlaTarget target : SlaTarget.values()) {
            var goal = policy.rule().target(target);
            if (goal != null) {
                result.add(new Preview(target, goal.toMinutes(), calendar.add(at, goal)));
            }
        }
        return result;
    }

    /** The SLA of a ticket the actor may see (the tickets facade decides, and answers 404 otherwise). */
    @Transactional(readOnly = true)
    public TicketSlaView ticket(Actor actor, UUID ticketId) {
        tickets.get(actor, ticketId);
        return readings.view(ticketId, clock.instant());
    }

    /**
     * The tickets the actor may see whose nearest running target is due within {@code within} (late ones included),
     * soonest first: "breaching in the next hour". Read through the running-deadline index; visibility is the tickets
     * facade's rule, asked per candidate (each in its own transaction, so that a refusal spoils nothing).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public List<AtRisk> atRisk(Actor actor, java.time.Duration within, int limit) {
        Instant now = clock.instant();
        List<AtRisk> result = new ArrayList<>();
        for (UUID ticketId : readings.dueBefore(now.plus(within), limit * 4)) {
            if (result.size() == limit) {
                break;
            }
            try {
                long number = tickets.get(actor, ticketId).number();
                TicketClockView nearest = readings.view(ticketId, now).nearest();
                if (nearest != null) {
                    result.add(new AtRisk(ticketId, number, nearest));
                }
            } catch (com.echamado.tickets.TicketException notVisible) {
                // not the actor's ticket
            }
        }
        return result;
    }

    /** Compliance per department, month and target for the months from {@code from} to {@code to}, inclusive. */
    @Transactional(readOnly = true)
    public List<ComplianceRow> compliance(java.time.YearMonth from, java.time.YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(24).isBefore(to)) {
            throw SlaException.invalid("to", "A range of at most 24 months, from before to");
        }
        return readings.compliance(
                from.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                to.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                clock.instant());
    }

    private void changed(UUID policyId) {
        events.publishEvent(new SlaPolicyChanged(UUID.randomUUID(), policyId));
    }

    private void check(CalendarRequest request) {
        try {
            ZoneId.of(request.zone());
        } catch (DateTimeException e) {
            throw SlaException.invalid("zone", "Not a time zone: " + request.zone());
        }
        try {
            Calendars.engine(new CalendarView(
                    null, request.name(), request.zone(), request.alwaysOpen(), request.hours(), List.of(), 0));
        } catch (IllegalArgumentException e) {
            throw SlaException.invalid("hours", e.getMessage());
        }
    }

    private void check(PolicyRequest request) {
        if (calendars.find(request.calendarId()).isEmpty()) {
            throw SlaException.invalid("calendarId", "No such calendar");
        }
        if (request.firstResponseMinutes() == null
                && request.nextResponseMinutes() == null
                && request.resolutionMinutes() == null) {
            throw SlaException.invalid("resolutionMinutes", "A policy promises at least one target");
        }
    }
}
