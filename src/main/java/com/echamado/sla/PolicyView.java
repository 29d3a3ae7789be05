package com.echamado.sla;

import com.echamado.catalog.Priority;
import java.util.UUID;

/** A policy as the API and the admin pages show it; {@code version} grows with each edit. */
public record PolicyView(
        UUID id,
        String name,
        int position,
        boolean enabled,
        UUID departmentId,
        Priority priority,
        UUID typeId,
        UUID categoryId,
        UUID calendarId,
        Integer firstResponseMinutes,
        Integer nextResponseMinutes,
        Integer resolutionMinutes,
        int warningPercent,
        int version) {

    PolicyRule rule() {
        return new PolicyRule(
                id,
                version,
                departmentId,
                priority,
                typeId,
                categoryId,
                calendarId,
                firstResponseMinutes,
                nextResponseMinutes,
                resolutionMinutes,
                warningPercent);
    }
}
