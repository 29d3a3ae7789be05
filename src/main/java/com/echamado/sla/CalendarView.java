package com.echamado.sla;

import java.util.List;
import java.util.UUID;

/** A calendar as the API and the admin pages show it. */
public record CalendarView(
        UUID id,
        String name,
        String zone,
        boolean alwaysOpen,
        List<CalendarRequest.Hours> hours,
        List<CalendarRequest.Holiday> holidays,
        long version) {}
