package com.echamado.dashboard;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The caller's help desk at a glance, limited to the tickets the caller may see. */
public record Dashboard(
        long open,
        long mine,
        long assignedToMe,
        long unassigned,
        long overdue,
        Map<String, Long> openByStatus,
        Map<String, Long> openByDepartment,
        Map<String, Long> openByPriority,
        List<Day> createdPerDay,
        List<Day> closedPerDay,
        Double averageFirstResponseSeconds,
        Double averageResolutionSeconds)
        implements Serializable {

    public record Day(LocalDate day, long count) implements Serializable {}
}
