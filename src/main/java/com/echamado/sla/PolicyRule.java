package com.echamado.sla;

import com.echamado.catalog.Priority;
import java.time.Duration;
import java.util.UUID;

/**
 * One policy as the engine applies it: conditions (null = any) and targets in business minutes of a calendar (null =
 * no such target), with the share of a target after which a warning is due.
 */
record PolicyRule(
        UUID id,
        int version,
        UUID departmentId,
        Priority priority,
        UUID typeId,
        UUID categoryId,
        UUID calendarId,
        Integer firstResponseMinutes,
        Integer nextResponseMinutes,
        Integer resolutionMinutes,
        int warningPercent) {

    /** The ticket's attributes a policy is matched against. */
    record Attributes(UUID departmentId, Priority priority, UUID typeId, UUID categoryId) {}

    boolean matches(Attributes a) {
        return (departmentId == null || departmentId.equals(a.departmentId()))
                && (priority == null || priority == a.priority())
                && (typeId == null || typeId.equals(a.typeId()))
                && (categoryId == null || categoryId.equals(a.categoryId()));
    }

    Duration target(SlaTarget target) {
        Integer minutes = switch (target) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    /** The share of {@code target} after which the warning is due, to the second. */
    Duration warning(Duration target) {
        return Duration.ofSeconds(target.toSeconds() * warningPercent / 100);
    }
}
